package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest configuration jdirectord accepts (5,000 virtual services, 10,000 real servers) runs in the
 * packaged JVM settings (JDIRECTORD_JAVA_OPTS of etc/default/jdirectord, read from the file): {@code -t} accepts it, a dry-run start
 * probes every real server and stays up; one virtual service more is refused with its line.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ConfigLimitsIT {

    /** JDIRECTORD_JAVA_OPTS as etc/default/jdirectord ships them. */
    static final List<String> PACKAGED_JVM = packagedJvmOptions();

    private static List<String> packagedJvmOptions() {
        try {
            Matcher options = Pattern.compile("(?m)^JDIRECTORD_JAVA_OPTS=\"([^\"]*)\"$")
                    .matcher(Files.readString(Path.of("etc/default/jdirectord")));
            assertThat(options.find())
                    .as("JDIRECTORD_JAVA_OPTS in etc/default/jdirectord")
                    .isTrue();
            return List.of(options.group(1).trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TempDir
    Path dir;

    /** {@code virtuals} firewall-mark services with two connect-checked real servers each, on closed loopback ports. */
    private String atTheLimit(int virtuals) {
        StringBuilder text = new StringBuilder(
                "checkinterval=5\nchecktimeout=3\nlogfile=\"" + dir.resolve("jdirectord.log") + "\"\n");
        for (int v = 1; v <= virtuals; v++) {
            text.append("virtual=").append(v).append("\n\tchecktype=connect\n");
            for (int r = 0; r < 2; r++) {
                int n = 2 * v + r;
                text.append("\treal=127.")
                        .append(n >> 16)
                        .append('.')
                        .append((n >> 8) & 255)
                        .append('.')
                        .append(n & 255)
                        .append(":9 gate\n");
            }
        }
        return text.toString();
    }

    private ProcessResult configTest(String config) throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("test.cf"), config);
        List<String> command = DaemonProcess.jdirectord(PACKAGED_JVM, List.of("-t", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(process.exitValue(), output, file);
    }

    record ProcessResult(int status, String output, Path file) {}

    @Test
    void acceptsAndRunsTheLargestConfigurationInThePackagedHeap() throws Exception {
        String config = atTheLimit(5_000);

        ProcessResult test = configTest(config);
        assertThat(test.output()).contains("configuration OK").doesNotContain("OutOfMemoryError");
        assertThat(test.status()).isZero();

        try (DaemonProcess daemon =
                DaemonProcess.startWithJvm(dir, config.replaceFirst("logfile=.*\n", ""), PACKAGED_JVM)) {
            Path log = dir.resolve("failure.log");
            daemon.await(
                    "the first round of 10,000 probes",
                    Duration.ofSeconds(240),
                    () -> Files.exists(log) && read(log).contains(" ready virtuals=5000 reals=10000 "));
            assertThat(daemon.transcript()).doesNotContain("OutOfMemoryError");
            assertThat(daemon.stop()).isZero();
        }
    }

    @Test
    void refusesOneVirtualServiceMoreWithItsLine() throws Exception {
        ProcessResult test = configTest(atTheLimit(5_001));

        assertThat(test.output())
                .contains(test.file() + ":" + (4 + 4 * 5_000) + ": more than 5000 virtual services in the file")
                .doesNotContain("Exception");
        assertThat(test.status()).isEqualTo(2);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
