package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modification times are set explicitly and the watcher's clock is moved by the test, so the tests never
 * wait for a clock to move.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConfigWatcherTest {

    private static final Instant T0 = Instant.parse("2026-11-21T07:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private Path file;
    private Instant now = T0;
    private ConfigWatcher watcher;

    @BeforeEach
    void writeFile() throws IOException {
        file = dir.resolve("jdirectord.cf");
        write("checkinterval=5\n", 0);
        watcher = new ConfigWatcher(file, () -> now, SETTLE);
    }

    private void write(String content, int second) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(T0.plusSeconds(second)));
    }

    /** Polls as the control loop does: once now, then once after the file has been left alone long enough. */
    private boolean changedOnceSettled() {
        boolean early = watcher.changed();
        now = now.plus(SETTLE);
        return early || watcher.changed();
    }

    @Test
    void seesNoChangeInAnUntouchedFile() {
        assertThat(changedOnceSettled()).isFalse();
    }

    @Test
    void reportsANewContentOnce() throws IOException {
        write("checkinterval=6\n", 1);

        assertThat(changedOnceSettled()).isTrue();
        assertThat(changedOnceSettled()).isFalse();
    }

    @Test
    void waitsUntilTheFileHasStoppedChangingBeforeReadingIt() throws IOException {
        write("checkinterval=6\nvirtual=", 1);
        assertThat(watcher.changed()).isFalse();
        now = now.plusSeconds(1);
        write("checkinterval=6\nvirtual=192.0.2.1:80\n", 2);
        assertThat(watcher.changed()).isFalse();
        now = now.plusSeconds(1);
        assertThat(watcher.changed()).as("one second after the last write").isFalse();

        now = now.plusSeconds(1);

        assertThat(watcher.changed()).isTrue();
    }

    @Test
    void waitsForATruncatedFileToSettleToo() throws IOException {
        write("", 1);
        assertThat(watcher.changed()).isFalse();

        now = now.plus(SETTLE);

        assertThat(watcher.changed()).isTrue();
    }

    @Test
    void ignoresATouchThatKeepsTheContent() throws IOException {
        write("checkinterval=5\n", 1);

        assertThat(changedOnceSettled()).isFalse();
    }

    @Test
    void doesNotReportAChangeAlreadyTakenInByAReload() throws IOException {
        write("checkinterval=6\n", 1);
        assertThat(watcher.changed()).isFalse();

        watcher.remember();

        assertThat(changedOnceSettled()).isFalse();
    }

    @Test
    void reportsAContentThatComesBackAfterTheFileWasMissing() throws IOException {
        Files.delete(file);
        assertThat(changedOnceSettled()).isFalse();

        write("checkinterval=7\n", 2);

        assertThat(changedOnceSettled()).isTrue();
    }

    @Test
    void reportsAnEditBackToAnEarlierContent() throws IOException {
        write("checkinterval=6\n", 1);
        assertThat(changedOnceSettled()).isTrue();

        write("checkinterval=5\n", 2);

        assertThat(changedOnceSettled()).isTrue();
    }
}
