package io.jdirectord.engine;

import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigMessage;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.VirtualServiceKey;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Why the monitor refuses a configuration that parsed, and why a file could not be read, each in words
 * an operator can act on. Pure.
 */
final class Refusals {

    private Refusals() {}

    /**
     * Refuses a file without virtual services that would replace a configuration with some: a truncated
     * or half-written file must not purge the table. Removing every service is what stopping does.
     */
    static Optional<ConfigMessage> emptyReplacement(Config running, Config next) {
        if (!next.virtualServices().isEmpty() || running.virtualServices().isEmpty()) {
            return Optional.empty();
        }
        int count = running.virtualServices().size();
        return Optional.of(new ConfigMessage(
                next.file(),
                0,
                "no virtual service: refused, it would remove all " + count
                        + (count == 1 ? " virtual service" : " virtual services")
                        + " from the table (to remove them, stop jdirectord)"));
    }

    /** The check of {@code probe} could not be built: FILE:LINE of the first real server line that uses it. */
    static ConfigMessage checkSetup(Config config, ProbeIndex index, ProbeSpec probe, String reason) {
        List<ProbeIndex.Use> uses = index.usesOf(probe);
        if (uses.isEmpty()) {
            return new ConfigMessage(config.file(), 0, "a check cannot be set up: " + reason);
        }
        ProbeIndex.Use use = uses.getFirst();
        VirtualServiceKey virtual = use.virtual().key();
        return new ConfigMessage(
                config.file(),
                use.real().line(),
                "the check of real server " + probe.real() + " in virtual service " + virtual.id()
                        + " cannot be set up: " + reason);
    }

    /** {@code FILE: no such file}, {@code FILE: permission denied}, else FILE and the system's reason. */
    static String unreadable(Path file, IOException error) {
        if (error instanceof NoSuchFileException) {
            return file + ": no such file";
        }
        if (error instanceof AccessDeniedException) {
            return file + ": permission denied";
        }
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return reason.startsWith(file.toString()) ? reason : file + ": " + reason;
    }

    /** An exception's message, or its class name when it has none: never null. */
    static String messageOf(Exception e) {
        String message = e.getMessage();
        return message != null ? message : e.getClass().getSimpleName();
    }
}
