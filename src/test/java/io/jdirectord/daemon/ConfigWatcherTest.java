package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Modification times are set explicitly, so the tests never wait for the clock to move. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConfigWatcherTest {

    private static final Instant T0 = Instant.parse("2026-11-21T07:00:00Z");

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void writeFile() throws IOException {
        file = dir.resolve("jdirectord.cf");
        write("checkinterval=5\n", 0);
    }

    private void write(String content, int second) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(T0.plusSeconds(second)));
    }

    @Test
    void seesNoChangeInAnUntouchedFile() {
        ConfigWatcher watcher = new ConfigWatcher(file);

        assertThat(watcher.changed()).isFalse();
    }

    @Test
    void reportsANewContentOnce() throws IOException {
        ConfigWatcher watcher = new ConfigWatcher(file);

        write("checkinterval=6\n", 1);

        assertThat(watcher.changed()).isTrue();
        assertThat(watcher.changed()).isFalse();
    }

    @Test
    void ignoresATouchThatKeepsTheContent() throws IOException {
        ConfigWatcher watcher = new ConfigWatcher(file);

        write("checkinterval=5\n", 1);

        assertThat(watcher.changed()).isFalse();
    }

    @Test
    void doesNotReportAChangeAlreadyTakenInByAReload() throws IOException {
        ConfigWatcher watcher = new ConfigWatcher(file);
        write("checkinterval=6\n", 1);

        watcher.remember();

        assertThat(watcher.changed()).isFalse();
    }

    @Test
    void reportsAContentThatComesBackAfterTheFileWasMissing() throws IOException {
        ConfigWatcher watcher = new ConfigWatcher(file);
        Files.delete(file);
        assertThat(watcher.changed()).isFalse();

        write("checkinterval=7\n", 2);

        assertThat(watcher.changed()).isTrue();
    }

    @Test
    void reportsAnEditBackToAnEarlierContent() throws IOException {
        ConfigWatcher watcher = new ConfigWatcher(file);
        write("checkinterval=6\n", 1);
        assertThat(watcher.changed()).isTrue();

        write("checkinterval=5\n", 2);

        assertThat(watcher.changed()).isTrue();
    }
}
