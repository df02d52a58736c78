package io.jdirectord.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Collects the errors and warnings of one parse. Identical messages for the same line are kept once. */
final class Diagnostics {

    private final Path file;
    private final Set<ConfigMessage> errors = new LinkedHashSet<>();
    private final Set<ConfigMessage> warnings = new LinkedHashSet<>();

    Diagnostics(Path file) {
        this.file = file;
    }

    void error(int line, String message) {
        errors.add(new ConfigMessage(file, line, message));
    }

    /** Reports an error and returns empty: what a reader yields for a value it cannot read. */
    <T> Optional<T> reject(int line, String message) {
        error(line, message);
        return Optional.empty();
    }

    void warn(int line, String message) {
        warnings.add(new ConfigMessage(file, line, message));
    }

    int errorCount() {
        return errors.size();
    }

    /** Errors in line order (file-wide messages first). */
    List<ConfigMessage> errors() {
        return sorted(errors);
    }

    /** Warnings in line order (file-wide messages first). */
    List<ConfigMessage> warnings() {
        return sorted(warnings);
    }

    private static List<ConfigMessage> sorted(Set<ConfigMessage> messages) {
        List<ConfigMessage> list = new ArrayList<>(messages);
        list.sort(Comparator.comparingInt(ConfigMessage::line));
        return list;
    }
}
