package io.jdirectord.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads ldirectord.cf files the way ldirectord 4.12 reads them (its read_config), with jdirectord's
 * extensions, and returns the immutable {@link Config}. Every error of the file is collected; warnings name
 * what was accepted although ldirectord would not, or read differently from what was probably meant.
 */
public final class ConfigParser {

    private final NameResolver resolver;

    /** A parser that resolves names through the system. */
    public ConfigParser() {
        this(new SystemNameResolver());
    }

    public ConfigParser(NameResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Parses, resolves and validates a configuration file.
     *
     * @throws ConfigException with every error of the file, each as FILE:LINE: message
     * @throws IOException     when the file cannot be read
     */
    public Config parse(Path file) throws ConfigException, IOException {
        Diagnostics diagnostics = new Diagnostics(file);
        List<String> lines = new SourceReader(diagnostics).lines(file);
        List<Statement> statements = new ConfigLexer(diagnostics).statements(lines);
        if (!Limits.virtualServices(statements, diagnostics)) {
            throw new ConfigException(diagnostics.errors());
        }
        Values values = new Values(diagnostics);
        Resolution resolution = new Resolution(resolver, diagnostics);
        GlobalDraft global = new DraftBuilder(values, resolution).build(statements);
        new ClientCertificateFiles(diagnostics, InstantSource.system()).read(global);
        VirtualAssembler assembler = new VirtualAssembler(resolution, diagnostics);
        checkGlobalFallbacks(global, assembler);
        ConfigValidator validator = new ConfigValidator(diagnostics);
        List<VirtualService> services = assemble(global, assembler, diagnostics, validator);
        validator.duplicates(services);
        validator.credentials(file, global.virtuals);
        if (diagnostics.errorCount() > 0) {
            throw new ConfigException(diagnostics.errors(), diagnostics.warnings());
        }
        return new Config(file, GlobalAssembler.of(global), services, diagnostics.warnings());
    }

    /** The global fallbacks are checked once even when no virtual service uses them. */
    private static void checkGlobalFallbacks(GlobalDraft global, VirtualAssembler assembler) {
        for (FallbackDraft fallback : new FallbackDraft[] {global.fallbackInet, global.fallbackInet6}) {
            if (fallback != null) {
                assembler.resolveFallback(fallback, Optional.empty(), 0);
            }
        }
    }

    private static List<VirtualService> assemble(
            GlobalDraft global, VirtualAssembler assembler, Diagnostics diagnostics, ConfigValidator validator) {
        VirtualChecks checks = new VirtualChecks(diagnostics);
        ProbeValidation probes = new ProbeValidation(diagnostics);
        List<VirtualService> services = new ArrayList<>();
        for (VirtualDraft draft : global.virtuals) {
            assembler.assemble(draft, global).ifPresent(service -> {
                checks.check(draft, service);
                probes.check(draft, service);
                validator.hashing(draft, service);
                services.add(service);
            });
        }
        return services;
    }
}
