package io.jdirectord.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed, resolved and validated configuration file. Immutable; a reload parses a new one and the
 * daemon diffs the two by {@link VirtualServiceKey} and {@link Endpoint}.
 *
 * @param file            the file it was read from
 * @param globals         global-only settings
 * @param virtualServices virtual services in file order
 * @param warnings        everything the parser accepted but an operator should look at
 */
public record Config(
        Path file, GlobalSettings globals, List<VirtualService> virtualServices, List<ConfigMessage> warnings) {

    public Config {
        virtualServices = List.copyOf(virtualServices);
        warnings = List.copyOf(warnings);
    }

    public Optional<VirtualService> virtualService(VirtualServiceKey key) {
        return virtualServices.stream().filter(v -> v.key().equals(key)).findFirst();
    }
}
