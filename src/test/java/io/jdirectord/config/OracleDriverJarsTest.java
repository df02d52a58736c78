package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OracleDriverJarsTest {

    @TempDir
    Path dir;

    @Test
    void takesEveryJarOfTheFirstPlaceThatHoldsTheDriver() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("override"));
        Path packaged = Files.createDirectories(dir.resolve("jdbc"));
        Path system = Files.createDirectories(dir.resolve("java"));
        Files.writeString(empty.resolve("notes.txt"), "");
        Files.writeString(packaged.resolve("ojdbc11.jar"), "");
        Files.writeString(packaged.resolve("orai18n.jar"), "");
        Files.writeString(system.resolve("ojdbc8.jar"), "");
        OracleDriverJars jars = new OracleDriverJars(List.of(new OracleDriverJars.Location(empty, "*.jar"),
                new OracleDriverJars.Location(packaged, "*.jar"), new OracleDriverJars.Location(system, "ojdbc*.jar")));

        assertThat(jars.find()).contains(List.of(packaged.resolve("ojdbc11.jar"), packaged.resolve("orai18n.jar")));
    }

    @Test
    void findsNothingWhereNoDriverIs() throws Exception {
        Files.writeString(dir.resolve("mariadb-java-client.jar"), "");
        OracleDriverJars jars = new OracleDriverJars(List.of(new OracleDriverJars.Location(dir, "*.jar"),
                new OracleDriverJars.Location(dir.resolve("missing"), "*.jar")));

        assertThat(jars.find()).isEmpty();
        assertThat(jars.advice()).contains(dir + "/ojdbc*.jar", "/usr/share/jdirectord/jdbc", "-Djdirectord.jdbc.dir=DIR");
    }

    @Test
    void theSystemPropertyDirectoryIsSearchedFirst() throws Exception {
        Files.writeString(dir.resolve("ojdbc11.jar"), "");
        String before = System.getProperty(OracleDriverJars.DIRECTORY_PROPERTY);
        System.setProperty(OracleDriverJars.DIRECTORY_PROPERTY, dir.toString());
        try {
            assertThat(OracleDriverJars.standard().find()).contains(List.of(dir.resolve("ojdbc11.jar")));
        } finally {
            if (before == null) {
                System.clearProperty(OracleDriverJars.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(OracleDriverJars.DIRECTORY_PROPERTY, before);
            }
        }
    }
}
