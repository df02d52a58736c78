package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ExternalCommandTest {

    @TempDir
    Path dir;

    @Test
    void splitsTheCommandLineAsTheShellDoes() throws IOException {
        Path out = dir.resolve("args");
        Path script = dir.resolve("fb.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s|' \"$@\" > " + out + "\n");
        script.toFile().setExecutable(true);
        int status =
                new ExternalCommand(Duration.ofSeconds(5)).runShell(script + " start 192.0.2.10:80 'it'\\''s tcp'");
        assertThat(status).isZero();
        assertThat(Files.readString(out)).isEqualTo("start|192.0.2.10:80|it's tcp|");
    }

    @Test
    void feedsTheInputToTheCommand() throws IOException {
        Path out = dir.resolve("mail");
        int status = new ExternalCommand(Duration.ofSeconds(5))
                .run(List.of("/bin/sh", "-c", "cat > " + out), "To: ops\r\n\r\nreal server down\r\n");
        assertThat(status).isZero();
        assertThat(Files.readString(out)).isEqualTo("To: ops\r\n\r\nreal server down\r\n");
    }

    @Test
    void reportsTheExitStatus() throws IOException {
        assertThat(new ExternalCommand(Duration.ofSeconds(5)).run(List.of("/bin/sh", "-c", "exit 3")))
                .isEqualTo(3);
    }

    @Test
    void killsACommandThatOverrunsItsTimeout() {
        ExternalCommand command = new ExternalCommand(Duration.ofMillis(300));
        assertThatThrownBy(() -> command.run(List.of("/bin/sh", "-c", "sleep 30")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did not finish within 300 ms");
    }

    @Test
    void captureKeepsTheEndOfTheOutputOnOneLine() {
        ExternalCommand.Outcome outcome = new ExternalCommand(Duration.ofSeconds(5))
                .capture(List.of("/bin/sh", "-c", "seq 1 1000; echo done >&2; exit 2"));
        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.output()).endsWith("999 | 1000 | done").doesNotContain(" 500 |");
    }

    @Test
    void captureRunsWithoutTheVariablesTakenOutAndInTheRootDirectory() {
        ExternalCommand.Outcome outcome = new ExternalCommand(Duration.ofSeconds(5))
                .withoutVariables(java.util.Set.of("HOME"))
                .capture(List.of("/bin/sh", "-c", "echo \"${HOME-unset} $(pwd)\""));
        assertThat(outcome).isEqualTo(new ExternalCommand.Outcome(0, "unset /"));
    }

    @Test
    void captureSaysWhenTheCommandCannotRunOrOverrunsItsTimeout() {
        assertThat(new ExternalCommand(Duration.ofSeconds(5)).capture(List.of("/nonexistent/program")))
                .satisfies(o -> assertThat(o.status()).isEqualTo(-1))
                .satisfies(o -> assertThat(o.output()).startsWith("cannot run /nonexistent/program: "));
        assertThat(new ExternalCommand(Duration.ofMillis(300)).capture(List.of("/bin/sh", "-c", "sleep 30")))
                .satisfies(o -> assertThat(o.status()).isEqualTo(-1))
                .satisfies(o -> assertThat(o.output()).contains("did not finish within 300 ms, killed"));
    }
}
