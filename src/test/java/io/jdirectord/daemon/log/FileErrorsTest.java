package io.jdirectord.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FileErrorsTest {

    private static final Path LOG = Path.of("/var/log/jdirectord/jdirectord.log");

    @Test
    void namesPermissionDeniedWhereJavaOnlyRepeatsThePath() {
        assertThat(FileErrors.describe("write", LOG, new AccessDeniedException(LOG.toString())))
                .isEqualTo("cannot write /var/log/jdirectord/jdirectord.log: Permission denied");
    }

    @Test
    void namesTheCauseOfOtherFileErrorsThatCarryOnlyThePath() {
        assertThat(FileErrors.cause(new NoSuchFileException("/run/jdirectord"))).isEqualTo("No such file or directory");
        assertThat(FileErrors.cause(new NotDirectoryException("/run/jdirectord")))
                .isEqualTo("Not a directory");
        assertThat(FileErrors.cause(new FileSystemException("/run/x"))).isEqualTo("FileSystemException");
    }

    @Test
    void prefersTheSystemsReasonWhenThereIsOne() {
        assertThat(FileErrors.cause(new FileSystemException("/run/x", null, "Read-only file system")))
                .isEqualTo("Read-only file system");
        assertThat(FileErrors.cause(new AccessDeniedException("/run/x", null, "Operation not permitted")))
                .isEqualTo("Operation not permitted");
    }

    @Test
    void keepsTheMessageOfOtherInputOutputErrors() {
        assertThat(FileErrors.cause(new IOException("Broken pipe"))).isEqualTo("Broken pipe");
        assertThat(FileErrors.cause(new IOException())).isEqualTo("IOException");
    }
}
