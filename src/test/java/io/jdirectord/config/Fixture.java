package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Writes configuration text to a file and parses it with a {@link TableResolver}. */
final class Fixture {

    private final Path dir;
    private int count;

    Fixture(Path dir) {
        this.dir = dir;
    }

    Path write(String text) {
        try {
            count++;
            Path file = dir.resolve("ldirectord" + count + ".cf");
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Config parse(String text) {
        try {
            return new ConfigParser(new TableResolver()).parse(write(text));
        } catch (ConfigException e) {
            throw new AssertionError("unexpected errors:\n" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors of a file that must not parse, each as "LINE: message". */
    List<String> errors(String text) {
        Path file = write(text);
        ConfigException e =
                catchThrowableOfType(ConfigException.class, () -> new ConfigParser(new TableResolver()).parse(file));
        assertThat(e).as("errors of\n" + text).isNotNull();
        return e.errors().stream().map(m -> m.line() + ": " + m.message()).toList();
    }

    /** The warnings of a file that must parse, each as "LINE: message". */
    List<String> warnings(String text) {
        return parse(text).warnings().stream()
                .map(m -> m.line() + ": " + m.message())
                .toList();
    }

    /** The only virtual service of a file. */
    VirtualService only(String text) {
        List<VirtualService> services = parse(text).virtualServices();
        assertThat(services).hasSize(1);
        return services.get(0);
    }

    /** Lines of a virtual block: each indented with a tab and ended with a newline. */
    static String block(String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append('\t').append(line).append('\n');
        }
        return text.toString();
    }

    Path dir() {
        return dir;
    }
}
