package io.jdirectord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jdirectord -t} on files it must refuse: every file of src/test/resources/config/malformed (its first
 * line says {@code # expect LINE: text}) is rejected with FILE:LINE, status 2 and no stack trace; special
 * files are refused without being read.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigTestCommandTest {

    static final Path CORPUS = Path.of("src/test/resources/config/malformed");
    private static final Pattern EXPECT = Pattern.compile("# expect (\\d+): (.*)");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int test(Path file) {
        return new ConfigTestCommand(new PrintWriter(out, true), new PrintWriter(err, true)).run(file);
    }

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rejectsEveryMalformedFileWithFileAndLine(Path file) throws IOException {
        Matcher expect = expectation(file);

        assertThat(test(file)).isEqualTo(ExitStatus.USAGE);

        assertThat(err.toString().lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith(file + ":" + expect.group(1) + ": ")
                        .contains(expect.group(2)));
        assertThat(err.toString())
                .endsWith(" error(s), configuration rejected\n")
                .doesNotContain("Exception", "\tat ");
        assertThat(out.toString()).isEmpty();
    }

    private static Matcher expectation(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        Matcher expect = EXPECT.matcher(new String(bytes, 0, end, StandardCharsets.UTF_8));
        assertThat(expect.matches())
                .as(file + " starts with # expect LINE: text")
                .isTrue();
        return expect;
    }

    @Test
    void refusesADirectory() {
        assertThat(test(dir)).isEqualTo(ExitStatus.USAGE);

        assertThat(err.toString()).startsWith(dir + ": is a directory, not a configuration file\n");
    }

    @Test
    void refusesAFifoWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("fifo.cf");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();

        assertThat(test(fifo)).isEqualTo(ExitStatus.USAGE);

        assertThat(err.toString()).startsWith(fifo + ": is not a regular file");
    }

    @Test
    void refusesADeviceWithoutReadingIt() {
        assertThat(test(Path.of("/dev/zero"))).isEqualTo(ExitStatus.USAGE);

        assertThat(err.toString()).startsWith("/dev/zero: is not a regular file");
    }

    @Test
    void saysWhatIsWrongWithAMissingFile() {
        Path missing = dir.resolve("missing.cf");

        assertThat(test(missing)).isEqualTo(ExitStatus.USAGE);

        assertThat(err.toString()).startsWith(missing + ": no such file\n");
    }
}
