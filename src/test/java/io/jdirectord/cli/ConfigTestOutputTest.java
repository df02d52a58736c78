package io.jdirectord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code jdirectord -t}: what the operator reads on stdout and stderr. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConfigTestOutputTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int test(String text) throws Exception {
        Path file = dir.resolve("jdirectord.cf");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return new ConfigTestCommand(new PrintWriter(out, true), new PrintWriter(err, true)).run(file);
    }

    @Test
    void printsTheWarningsOfARejectedFileInLineOrderAmongItsErrors() throws Exception {
        int status = test("virtual=192.0.2.10\n\treal=10.0.0.1:80 gate\n\tschedular=wrr\n");

        Path file = dir.resolve("jdirectord.cf");
        assertThat(status).isEqualTo(ExitStatus.USAGE);
        assertThat(err.toString())
                .startsWith(file + ":1: warning: ")
                .contains("port was probably forgotten")
                .contains(file + ":3: Unknown directive \"schedular=wrr\" (did you mean \"scheduler\"?)")
                .endsWith(file + ": 1 error(s), configuration rejected\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void acceptsTheExampleConfigurationWithoutAWarningInASourceCheckout() {
        int status = new ConfigTestCommand(new PrintWriter(out, true), new PrintWriter(err, true))
                .run(Path.of("etc/jdirectord.cf"));

        assertThat(status).isEqualTo(ExitStatus.OK);
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).endsWith("configuration OK\n");
    }

    @Test
    void printsWarningsAndTheSummaryOfAnAcceptedFile() throws Exception {
        int status = test("virtual=192.0.2.10\n\treal=10.0.0.1:80 gate\n");

        assertThat(status).isEqualTo(ExitStatus.OK);
        assertThat(err.toString()).contains(":1: warning: ").contains("port was probably forgotten");
        assertThat(out.toString()).endsWith("configuration OK\n");
    }
}
