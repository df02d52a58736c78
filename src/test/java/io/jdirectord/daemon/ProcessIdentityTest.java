package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProcessIdentityTest {

    private static final Path OWN_JAR = Path.of("/opt/lvs/jd.jar");
    private static final ProcessIdentity FROM_JD_JAR = new ProcessIdentity(Optional.of(OWN_JAR));
    private static final Optional<Path> UNKNOWN_DIRECTORY = Optional.empty();

    @TempDir
    Path dir;

    @Test
    void aCommandLineNamingJdirectordIsOneWhateverJarThisProcessRunsFrom() {
        ProcessIdentity fromClasses = new ProcessIdentity(Optional.empty());

        assertThat(fromClasses.isJdirectord(
                        List.of("java", "-jar", "/usr/share/jdirectord/jdirectord.jar", "start"), UNKNOWN_DIRECTORY))
                .isTrue();
        assertThat(fromClasses.isJdirectord(
                        List.of("java", "-cp", "classes", "io.jdirectord.cli.Main", "status"), UNKNOWN_DIRECTORY))
                .isTrue();
    }

    @Test
    void aProcessRunningThisJarUnderAnotherNameIsOne() {
        assertThat(FROM_JD_JAR.isJdirectord(
                        List.of("/usr/bin/java", "-Xmx256m", "-jar", "/opt/lvs/jd.jar", "/etc/lvs.cf", "start"),
                        UNKNOWN_DIRECTORY))
                .isTrue();
    }

    @Test
    void aRelativeJarIsTakenInTheProcessWorkingDirectory() {
        List<String> arguments = List.of("java", "-jar", "jd.jar", "start");

        assertThat(FROM_JD_JAR.isJdirectord(arguments, Optional.of(Path.of("/opt/lvs"))))
                .isTrue();
        assertThat(FROM_JD_JAR.isJdirectord(arguments, Optional.of(Path.of("/srv/other"))))
                .isFalse();
    }

    @Test
    void aRelativeJarInAnUnknownDirectoryIsComparedByItsName() {
        assertThat(FROM_JD_JAR.isJdirectord(List.of("java", "-jar", "jd.jar"), UNKNOWN_DIRECTORY))
                .isTrue();
        assertThat(FROM_JD_JAR.isJdirectord(List.of("java", "-jar", "app.jar"), UNKNOWN_DIRECTORY))
                .isFalse();
    }

    @Test
    void anotherJarOrAnotherProgramIsNotOne() {
        assertThat(FROM_JD_JAR.isJdirectord(List.of("java", "-jar", "/srv/app/jd.jar"), UNKNOWN_DIRECTORY))
                .isFalse();
        assertThat(FROM_JD_JAR.isJdirectord(List.of("sleep", "100"), UNKNOWN_DIRECTORY))
                .isFalse();
        assertThat(FROM_JD_JAR.isJdirectord(List.of("java", "-jar"), UNKNOWN_DIRECTORY))
                .isFalse();
    }

    @Test
    void aLinkToThisJarIsThisJar() throws IOException {
        Path jar = Files.createFile(dir.resolve("jd.jar"));
        Path link = Files.createSymbolicLink(dir.resolve("current.jar"), jar);

        assertThat(new ProcessIdentity(Optional.of(jar))
                        .isJdirectord(List.of("java", "-jar", link.toString()), UNKNOWN_DIRECTORY))
                .isTrue();
    }

    @Test
    void aLiveProcessIsJudgedByItsCommandLineAndWorkingDirectory() throws Exception {
        Path jar = Files.createFile(dir.resolve("jd.jar"));
        // sh keeps its own argv ("-jar jd.jar" are its positional parameters) while it waits for sleep.
        Process process = new ProcessBuilder("sh", "-c", "sleep 30; :", "-jar", "jd.jar")
                .directory(dir.toFile())
                .start();
        try {
            ProcessHandle handle = process.toHandle();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> Files.readString(Path.of("/proc", handle.pid() + "", "cmdline"))
                            .contains("jd.jar"));

            assertThat(new ProcessIdentity(Optional.of(jar)).isJdirectord(handle))
                    .isTrue();
            assertThat(new ProcessIdentity(Optional.of(Files.createFile(dir.resolve("other.jar"))))
                            .isJdirectord(handle))
                    .isFalse();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void thisProcessRunsFromClassesSoItHasNoJar() {
        assertThat(ProcessIdentity.jarOf(ProcessIdentity.class)).isEmpty();
        assertThat(ProcessIdentity.jarOf(Test.class))
                .hasValueSatisfying(jar -> assertThat(jar.toString()).endsWith(".jar"));
    }
}
