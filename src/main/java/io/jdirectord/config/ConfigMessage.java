package io.jdirectord.config;

import java.nio.file.Path;

/**
 * An error or warning about a configuration file. {@link #toString()} is {@code FILE:LINE: message}, the
 * form every error reaches the operator in.
 *
 * @param line 1-based line number; 0 when the message concerns the whole file
 */
public record ConfigMessage(Path file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }

    /** {@code FILE:LINE: warning: message}, the form a warning reaches the operator in. */
    public String asWarning() {
        return new ConfigMessage(file, line, "warning: " + message).toString();
    }
}
