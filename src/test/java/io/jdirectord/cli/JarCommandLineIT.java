package io.jdirectord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built jar the way an operator does: {@code java -jar target/jdirectord.jar ...}. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JarCommandLineIT {

    static final Path JAR = Path.of("target/jdirectord.jar");
    static final Path EXAMPLE = Path.of("etc/jdirectord.cf");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run jdirectord(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    @Test
    void acceptsTheExampleConfigurationAndPrintsItsSummary() throws Exception {
        Run run = jdirectord("-t", EXAMPLE.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("tcp:192.0.2.10:80", "fwm:7", "configuration OK");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void rejectsABrokenCopyWithFileAndLineOfEveryErrorAndStatusTwo() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(EXAMPLE));
        int scheduler = lines.indexOf("    scheduler=wlc") + 1;
        lines.set(scheduler - 1, "    schedular=wlc");
        int weight = lines.indexOf("    real=127.0.0.13:80 gate 5") + 1;
        lines.set(weight - 1, "    real=127.0.0.13:80 gateway 5");
        Path broken = dir.resolve("broken.cf");
        Files.write(broken, lines);

        Run run = jdirectord("-t", broken.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(broken + ":" + scheduler + ": ", broken + ":" + weight + ": ");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void printsTheVersion() throws Exception {
        Run run = jdirectord("--version");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("jdirectord ");
    }

    @Test
    void reportsStatusNotRunningWithLsbExitCodeThree() throws Exception {
        Run run = jdirectord("--pid-file", dir.resolve("x.pid").toString(), EXAMPLE.toString(), "status");
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).contains("stopped");
    }

    @Test
    void rejectsAnUnknownCommandWithStatusTwo() throws Exception {
        Run run = jdirectord(EXAMPLE.toString(), "launch");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'launch'");
    }
}
