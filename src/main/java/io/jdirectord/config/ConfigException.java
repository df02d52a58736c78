package io.jdirectord.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a configuration file has errors; carries all of them, in line order, and the warnings found on the
 * way, so that a warning that explains an error (a forgotten port) is not lost with the file.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<ConfigMessage> errors;
    private final transient List<ConfigMessage> warnings;

    public ConfigException(List<ConfigMessage> errors) {
        this(errors, List.of());
    }

    public ConfigException(List<ConfigMessage> errors, List<ConfigMessage> warnings) {
        super(errors.stream().map(ConfigMessage::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    public List<ConfigMessage> errors() {
        return errors;
    }

    /** The warnings of the same file, in line order. */
    public List<ConfigMessage> warnings() {
        return warnings;
    }
}
