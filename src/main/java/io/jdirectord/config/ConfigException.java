package io.jdirectord.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a configuration file has errors; carries all of them, in line order. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<ConfigMessage> errors;

    public ConfigException(List<ConfigMessage> errors) {
        super(errors.stream().map(ConfigMessage::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigMessage> errors() {
        return errors;
    }
}
