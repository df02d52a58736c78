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
        OracleDriverJars jars = new OracleDriverJars(List.of(
                new OracleDriverJars.Location(empty, "*.jar"),
                new OracleDriverJars.Location(packaged, "*.jar"),
                new OracleDriverJars.Location(system, "ojdbc*.jar")));

        assertThat(jars.find()).contains(List.of(packaged.resolve("ojdbc11.jar"), packaged.resolve("orai18n.jar")));
    }

    @Test
    void findsNothingWhereNoDriverIs() throws Exception {
        Files.writeString(dir.resolve("mariadb-java-client.jar"), "");
        OracleDriverJars jars = new OracleDriverJars(List.of(
                new OracleDriverJars.Location(dir, "*.jar"),
                new OracleDriverJars.Location(dir.resolve("missing"), "*.jar")));

        assertThat(jars.find()).isEmpty();
        assertThat(jars.advice())
                .contains(dir + "/ojdbc*.jar", "/usr/share/jdirectord/jdbc", "-Djdirectord.jdbc.dir=DIR");
    }

    private static final String ORACLE = "virtual=192.0.2.10:1521\n\treal=10.0.0.1:1521 gate\n\tservice=oracle\n"
            + "\tlogin=\"check\"\n\tpasswd=\"pw\"\n\tdatabase=\"ORCL\"\n\trequest=\"SELECT 1 FROM DUAL\"\n";

    @Test
    void theConfigurationWarnsAtServiceOracleWhenNoDriverIsFound() throws Exception {
        withDirectoryProperty(
                dir.resolve("empty"),
                () -> assertThat(new Fixture(dir).warnings(ORACLE))
                        .anySatisfy(warning -> assertThat(warning)
                                .startsWith("3: service = oracle: no Oracle JDBC driver found")
                                .endsWith("until then its real servers are down")));
    }

    @Test
    void theConfigurationDoesNotWarnOnceTheDriverIsInPlace() throws Exception {
        Files.writeString(dir.resolve("ojdbc11.jar"), "");
        withDirectoryProperty(
                dir,
                () -> assertThat(new Fixture(dir).warnings(ORACLE)).noneMatch(warning -> warning.contains("oracle")));
    }

    @Test
    void theSystemPropertyDirectoryIsSearchedFirst() throws Exception {
        Files.writeString(dir.resolve("ojdbc11.jar"), "");
        withDirectoryProperty(
                dir,
                () -> assertThat(OracleDriverJars.standard().find()).contains(List.of(dir.resolve("ojdbc11.jar"))));
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void withDirectoryProperty(Path directory, Body body) throws Exception {
        String before = System.getProperty(OracleDriverJars.DIRECTORY_PROPERTY);
        System.setProperty(OracleDriverJars.DIRECTORY_PROPERTY, directory.toString());
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(OracleDriverJars.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(OracleDriverJars.DIRECTORY_PROPERTY, before);
            }
        }
    }
}
