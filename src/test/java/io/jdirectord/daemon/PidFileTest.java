package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.daemon.log.FileOwner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void defaultPathIsNamedAfterTheConfigurationFile() {
        assertThat(PidFile.forConfig(Path.of("/etc/ha.d/ldirectord.cf")).path())
                .isEqualTo(Path.of("/run/jdirectord/ldirectord.cf.pid"));
    }

    @Test
    void missingFileMeansNotRunningAndNotStale() {
        PidFile pidFile = new PidFile(dir.resolve("none.pid"));
        assertThat(pidFile.runningProcess()).isEmpty();
        assertThat(pidFile.isStale()).isFalse();
    }

    @Test
    void fileNamingADeadProcessIsStale() throws IOException {
        Path path = dir.resolve("dead.pid");
        Files.writeString(path, Long.MAX_VALUE / 2 + "\n");
        PidFile pidFile = new PidFile(path);
        assertThat(pidFile.runningProcess()).isEmpty();
        assertThat(pidFile.isStale()).isTrue();
    }

    @Test
    void fileNamingALiveProcessThatIsNotJdirectordIsStale() throws IOException {
        Path path = dir.resolve("other.pid");
        Files.writeString(path, "1\n");
        assertThat(new PidFile(path).isStale()).isTrue();
    }

    @Test
    void writtenFileNamesThisProcessAndIsRemovedByItsOwner() throws IOException {
        PidFile pidFile = new PidFile(dir.resolve("sub/own.pid"));
        pidFile.writeCurrent(FileOwner.KEEP);
        assertThat(pidFile.recordedPid()).hasValue(ProcessHandle.current().pid());
        pidFile.removeIfOwned();
        assertThat(pidFile.path()).doesNotExist();
    }
}
