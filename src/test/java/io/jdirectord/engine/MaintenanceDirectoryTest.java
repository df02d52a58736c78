package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MaintenanceDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void findsTheFirstExistingFile() throws IOException {
        Files.createFile(dir.resolve("web1"));
        Files.createFile(dir.resolve("192.0.2.7"));
        MaintenanceDirectory maintenance = new MaintenanceDirectory(dir);
        List<String> names = List.of("192.0.2.7:80", "192.0.2.7", "web1:80", "web1");
        assertThat(maintenance.maintenanceFile(names)).contains("192.0.2.7");
        Files.delete(dir.resolve("192.0.2.7"));
        assertThat(maintenance.maintenanceFile(names)).contains("web1");
        Files.delete(dir.resolve("web1"));
        assertThat(maintenance.maintenanceFile(names)).isEmpty();
    }
}
