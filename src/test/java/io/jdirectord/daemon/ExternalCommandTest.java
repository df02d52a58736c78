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
}
