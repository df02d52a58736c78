package io.jdirectord.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The log file: appended line by line, its failures told once with their cause, new files given to the service account. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FileEventSinkTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream fallback = new PrintStream(stderr, true, StandardCharsets.UTF_8);

    private List<String> fallbackLines() {
        return stderr.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void appendsLinesCreatingTheFileAndItsDirectory() throws IOException {
        Path log = dir.resolve("log/jdirectord.log");
        FileEventSink sink = new FileEventSink(log, fallback, FileOwner.KEEP);

        sink.write("one");
        sink.write("two");

        assertThat(Files.readAllLines(log)).containsExactly("one", "two");
        assertThat(fallbackLines()).isEmpty();
    }

    @Test
    void tellsTheCauseOnceWhenWritingFailsAndAgainWhenItWorks() throws IOException {
        Path log = dir.resolve("log/jdirectord.log");
        FileEventSink sink = new FileEventSink(log, fallback, FileOwner.KEEP);
        Files.delete(log.getParent());
        Files.writeString(log.getParent(), "a file where the directory was");

        sink.write("one");
        sink.write("two");
        Files.delete(log.getParent());
        Files.createDirectory(log.getParent());
        sink.write("three");

        assertThat(fallbackLines())
                .containsExactly(
                        "one",
                        "jdirectord: cannot write " + log
                                + ": Not a directory; log lines go to standard error until it can be written",
                        "two",
                        "jdirectord: writing log file " + log + " again");
        assertThat(Files.readAllLines(log)).containsExactly("three");
    }

    @Test
    void refusesAtStartALogFileThatCannotBeWritten() throws IOException {
        Path notADirectory = dir.resolve("log");
        Files.writeString(notADirectory, "");

        assertThatThrownBy(() -> FileEventSink.checkWritable(notADirectory.resolve("jdirectord.log"), FileOwner.KEEP))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot create the directory " + notADirectory + ": File exists");
        assertThatThrownBy(() -> FileEventSink.checkWritable(dir, FileOwner.KEEP))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write " + dir + ": Is a directory");
    }

    @Test
    void givesTheFilesItCreatesInTheServiceDirectoriesToTheServiceAccountWhenRunByRoot() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "giving files to another user needs root");
        FileOwner nobody = FileOwner.of("nobody", "nogroup", List.of(dir.resolve("log"), dir.resolve("kept.log")));
        Path log = dir.resolve("log/jdirectord.log");
        Path elsewhere = dir.resolve("elsewhere/other.log");
        FileEventSink sink = new FileEventSink(log, fallback, nobody);
        Path kept = dir.resolve("kept.log");
        Files.writeString(kept, "");

        sink.write("one");
        Files.move(log, dir.resolve("log/jdirectord.log.1"));
        sink.write("two");
        FileEventSink.checkWritable(kept, nobody);
        FileEventSink.checkWritable(elsewhere, nobody);

        assertThat(owner(log.getParent())).isEqualTo("nobody:nogroup");
        assertThat(owner(log))
                .as("the file made after logrotate moved the first away")
                .isEqualTo("nobody:nogroup");
        assertThat(owner(kept)).as("a file that existed keeps its owner").isEqualTo("root:root");
        assertThat(owner(dir)).isEqualTo("root:root");
        assertThat(owner(elsewhere))
                .as("a file outside the service's directories")
                .isEqualTo("root:root");
        assertThat(owner(elsewhere.getParent())).isEqualTo("root:root");
    }

    @Test
    void keepsOwnersWhenTheServiceAccountDoesNotExist() {
        assertThat(FileOwner.of("no-such-user-jdirectord", "no-such-group-jdirectord", List.of(dir))
                        .changesOwnerOf(dir.resolve("a.log")))
                .isFalse();
    }

    private static String owner(Path path) throws IOException {
        return Files.getAttribute(path, "posix:owner", LinkOption.NOFOLLOW_LINKS) + ":"
                + Files.getAttribute(path, "posix:group", LinkOption.NOFOLLOW_LINKS);
    }
}
