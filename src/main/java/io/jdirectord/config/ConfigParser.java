package io.jdirectord.config;

import java.io.IOException;
import java.nio.file.Path;

/** Reads ldirectord.cf files. Placeholder until the parser lands. */
public final class ConfigParser {

    /**
     * Parses, resolves and validates a configuration file.
     *
     * @throws ConfigException with every error of the file, each as FILE:LINE: message
     * @throws IOException     when the file cannot be read
     */
    public Config parse(Path file) throws ConfigException, IOException {
        throw new UnsupportedOperationException("parser not yet written");
    }
}
