package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.config.DaemonStatus;
import io.jdirectord.engine.DirectorHealth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The trackfile: the number keepalived reads, replaced only when it changes, unhealthy from the stop on. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrackFileTest {

    private static final DirectorHealth HEALTHY =
            new DirectorHealth(true, "every virtual service has a real server up", 0);
    private static final DirectorHealth ONE_LOST =
            new DirectorHealth(true, "1 virtual service has no real server up", 1);

    @TempDir
    Path dir;

    private final List<String> errors = new ArrayList<>();
    private final TrackFile file = new TrackFile((path, error) -> errors.add(path.getFileName() + ": " + error));

    private Config config(String trackFile) throws Exception {
        Path cf = dir.resolve("jdirectord.cf");
        Files.writeString(cf, "trackfile=" + trackFile + "\nvirtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n");
        return new ConfigParser().parse(cf);
    }

    @Test
    void holdsTheTrackValueOfTheDirectorsHealth() throws Exception {
        Path track = dir.resolve("jdirectord.track");
        file.configApplied(config(track.toString()));

        file.refresh(DirectorHealth.unhealthy("starting"));
        assertThat(track).hasContent("1000");
        file.refresh(HEALTHY);
        assertThat(track).hasContent("0");
        file.refresh(ONE_LOST);
        assertThat(Files.readString(track)).isEqualTo("1\n");
        assertThat(dir).isDirectoryNotContaining("glob:**/.jdirectord.track.new");
    }

    @Test
    void rewritesTheFileOnlyWhenTheNumberChanges() throws Exception {
        Path track = dir.resolve("jdirectord.track");
        file.configApplied(config(track.toString()));
        file.refresh(HEALTHY);
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(track, old);

        file.refresh(new DirectorHealth(true, "same number, other words", 0));

        assertThat(Files.getLastModifiedTime(track)).isEqualTo(old);
    }

    @Test
    void saysUnhealthyFromTheStopOn() throws Exception {
        Path track = dir.resolve("jdirectord.track");
        file.configApplied(config(track.toString()));
        file.refresh(HEALTHY);

        file.daemonStatus(DaemonStatus.STOPPING);
        file.refresh(HEALTHY);

        assertThat(track).hasContent("1000");
    }

    @Test
    void reportsAFileItCannotWriteOnceUntilAWriteSucceeds() throws Exception {
        Path missing = dir.resolve("missing");
        file.configApplied(config(missing.resolve("jdirectord.track").toString()));

        file.refresh(HEALTHY);
        file.refresh(ONE_LOST);
        assertThat(errors).singleElement().asString().startsWith("jdirectord.track: NoSuchFileException");

        Files.createDirectory(missing);
        file.refresh(HEALTHY);
        assertThat(missing.resolve("jdirectord.track")).hasContent("0");
    }

    @Test
    void writesNothingWithoutTheDirective() throws Exception {
        Path cf = dir.resolve("plain.cf");
        Files.writeString(cf, "virtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n");
        file.configApplied(new ConfigParser().parse(cf));

        file.refresh(HEALTHY);

        assertThat(dir).isDirectoryNotContaining("glob:**/*.track");
    }
}
