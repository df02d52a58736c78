package io.jdirectord.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the configuration file the way ldirectord does, with jdirectord's own directory first: no name
 * means /etc/jdirectord/jdirectord.cf, else /etc/ha.d/ldirectord.cf; a relative name that does not exist
 * as given is looked up in /etc/jdirectord, /etc/ha.d and /etc/ha.d/conf.
 */
final class ConfigLocator {

    static final List<Path> DEFAULTS =
            List.of(Path.of("/etc/jdirectord/jdirectord.cf"), Path.of("/etc/ha.d/ldirectord.cf"));
    private static final List<Path> SEARCH_DIRS =
            List.of(Path.of("/etc/jdirectord"), Path.of("/etc/ha.d"), Path.of("/etc/ha.d/conf"));

    private ConfigLocator() {}

    /** The file to read, or empty when none of the candidates exists. */
    static Optional<Path> locate(Optional<String> name) {
        if (name.isEmpty()) {
            return DEFAULTS.stream().filter(Files::isRegularFile).findFirst();
        }
        Path given = Path.of(name.get());
        if (Files.exists(given) || given.isAbsolute()) {
            return Optional.of(given).filter(Files::exists);
        }
        return SEARCH_DIRS.stream()
                .map(dir -> dir.resolve(given))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /** How an operator names the missing file in an error. */
    static String describe(Optional<String> name) {
        return name.orElse(DEFAULTS.get(0) + " or " + DEFAULTS.get(1));
    }
}
