package io.jdirectord.check;

import static io.jdirectord.testing.EngineFixtures.ip;
import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.check.spec.ExternalSpec;
import io.jdirectord.check.testing.Loopback;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.Family;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.testing.Slack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExternalCheckTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final VirtualServiceKey VIRTUAL = VirtualServiceKey.ofAddress(Protocol.TCP, ip("192.0.2.10"), 80);

    @TempDir
    Path dir;

    private final CheckRunner runner = new CheckRunner();

    private Path script(String body) throws IOException {
        Path file = Files.createTempFile(dir, "check", ".sh");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private Probes external(Path program) {
        return Probes.to(Loopback.V4, 8080)
                .type(CheckType.EXTERNAL)
                .command(program)
                .virtual(VIRTUAL)
                .timeouts(TIMEOUT, Duration.ofSeconds(30));
    }

    private CheckResult run(Probes probe) {
        return runner.run(new ExternalCheck(ExternalSpec.of(probe.build())));
    }

    @Test
    void upWhenTheProgramExitsZero() throws Exception {
        CheckResult result = run(external(script("exit 0")));
        assertThat(result.up()).isTrue();
        assertThat(result.reason()).isEqualTo("exit status 0");
        assertThat(result.weight()).isEmpty();
    }

    @Test
    void downWithTheExitStatusAndTheFirstLineOfOutput() throws Exception {
        CheckResult result = run(external(script("echo 'backend unhealthy'; echo more; exit 1")));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("exit status 1: backend unhealthy");
    }

    @Test
    void reportsStandardErrorToo() throws Exception {
        assertThat(run(external(script("echo oops >&2; exit 3"))).reason()).isEqualTo("exit status 3: oops");
    }

    @Test
    void passesLdirectordsArguments() throws Exception {
        Path args = dir.resolve("args");
        run(external(script("echo \"$@\" > " + args)));
        assertThat(Files.readString(args)).isEqualTo("192.0.2.10 80 127.0.0.1 8080\n");
    }

    @Test
    void passesIpv6AddressesInBrackets() throws Exception {
        Path args = dir.resolve("args");
        VirtualServiceKey virtual6 = VirtualServiceKey.ofAddress(Protocol.TCP, ip("2001:db8::10"), 443);
        run(external(script("echo \"$@\" > " + args)).virtual(virtual6));
        assertThat(Files.readString(args)).isEqualTo("[2001:db8::10] 443 127.0.0.1 8080\n");
        Probes toV6 = Probes.to(Loopback.V6, 443)
                .type(CheckType.EXTERNAL)
                .command(script("echo \"$@\" > " + args))
                .virtual(virtual6)
                .timeout(TIMEOUT);
        run(toV6);
        assertThat(Files.readString(args)).isEqualTo("[2001:db8::10] 443 [::1] 443\n");
    }

    @Test
    void passesTheFirewallMarkAndPortZeroForFwmarkServices() throws Exception {
        Path args = dir.resolve("args");
        run(external(script("echo \"$@\" > " + args)).virtual(VirtualServiceKey.ofMark(Family.INET, 7)));
        assertThat(Files.readString(args)).isEqualTo("7 0 127.0.0.1 8080\n");
    }

    @Test
    void replacesTheEnvironmentAndKeepsThePasswordOutOfTheArguments() throws Exception {
        Path env = dir.resolve("env");
        Path args = dir.resolve("args");
        run(external(script("env > " + env + "; echo \"$@\" > " + args))
                .login("monitor", "s3cret")
                .request("/health")
                .receive("OK")
                .checkPort(9090));
        List<String> lines = Files.readAllLines(env);
        assertThat(lines)
                .contains(
                        "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
                        "LANG=C",
                        "JDIRECTORD_VIRTUAL_HOST=192.0.2.10",
                        "JDIRECTORD_VIRTUAL_PORT=80",
                        "JDIRECTORD_REAL_HOST=127.0.0.1",
                        "JDIRECTORD_REAL_PORT=8080",
                        "JDIRECTORD_CHECK_PORT=9090",
                        "JDIRECTORD_SERVICE=none",
                        "JDIRECTORD_REQUEST=/health",
                        "JDIRECTORD_RECEIVE=OK",
                        "JDIRECTORD_LOGIN=monitor",
                        "JDIRECTORD_PASSWD=s3cret",
                        "JDIRECTORD_TIMEOUT_MS=1500");
        assertThat(lines).noneMatch(line -> line.startsWith("HOME=") || line.startsWith("USER="));
        assertThat(Files.readString(args)).doesNotContain("s3cret");
    }

    @Test
    void givesTheProgramAnEmptyStandardInput() throws Exception {
        CheckResult result = run(external(script("cat; exit 0")));
        assertThat(result.up()).isTrue();
        assertThat(result.elapsed()).isLessThan(TIMEOUT);
    }

    @Test
    void terminatesAProgramThatOverrunsTheDeadline() throws Exception {
        CheckResult result = run(external(script("exec sleep 600")));
        assertThat(result.up()).isFalse();
        assertThat(result.reason())
                .startsWith("timeout: '")
                .matches(".*' still running after 1[0-4]\\d\\d ms" + " \\(checktimeout 1500 ms\\), terminated")
                .as("the time it ran, not the timeout");
        assertThat(result.elapsed()).isLessThan(TIMEOUT);
    }

    @Test
    void killsAProgramThatIgnoresSigtermAndItsGrandchildByTheDeadline() throws Exception {
        Path pids = dir.resolve("pids");
        Path program = script("trap '' TERM\nsleep 600 &\necho $! > " + pids + ".tmp\necho $$ >> " + pids + ".tmp\nmv "
                + pids + ".tmp " + pids + "\nwait\nwait");
        CheckResult result = run(external(program));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).endsWith("(checktimeout 1500 ms), killed");
        assertThat(result.elapsed()).isLessThan(Slack.after(TIMEOUT));
        for (String pid : Files.readAllLines(pids)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> isGone(Long.parseLong(pid)));
        }
    }

    /** Whether a process has exited (a zombie waiting for its new parent to reap it counts as gone). */
    private static boolean isGone(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return true;
        }
        String text = Files.readString(stat);
        return text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
    }

    @Test
    void keepsOnlyTheStartOfHugeOutput() throws Exception {
        CheckResult result = run(external(script("head -c 10485760 /dev/zero | tr '\\000' x; echo; exit 4"))
                .maxReceive(1024));
        assertThat(result.reason()).startsWith("exit status 4: xxxx").hasSizeLessThan(100);
        assertThat(result.elapsed()).isLessThan(TIMEOUT);
    }

    @ParameterizedTest
    @CsvSource({"0, true, -1", "1, false, -1", "2, true, 0", "7, true, 5", "255, true, 253"})
    void mapsExitStatusesToWeightsWithDynamicWeight(int status, boolean up, int weight) throws Exception {
        CheckResult result = run(external(script("exit " + status)).dynamicWeight());
        assertThat(result.up()).isEqualTo(up);
        assertThat(result.weight()).isEqualTo(weight < 0 ? OptionalInt.empty() : OptionalInt.of(weight));
    }

    @Test
    void treatsEveryNonZeroStatusAsDownWithoutDynamicWeight() throws Exception {
        CheckResult result = run(external(script("exit 7")));
        assertThat(result.up()).isFalse();
        assertThat(result.weight()).isEmpty();
    }

    @Test
    void runsTheWholeCommandStringAsTheProgramWithoutAShell() throws Exception {
        Path program = script("exit 0");
        CheckResult result = run(external(program).command(program + " --verbose"));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).startsWith("cannot run '" + program + " --verbose': ");
    }

    @Test
    void runsExternalPerlChecksWithPerl() throws Exception {
        require(Files.isExecutable(Path.of("/usr/bin/perl")), "perl is installed");
        Path file = dir.resolve("check.pl");
        Files.writeString(
                file, "print \"perl saw $ARGV[2]\\n\"; exit($ARGV[3] == 8080 ? 1 : 0);\n", StandardCharsets.UTF_8);
        CheckResult result = run(external(file).type(CheckType.EXTERNAL_PERL));
        assertThat(result.reason()).isEqualTo("exit status 1: perl saw 127.0.0.1");
        Files.writeString(file, "my $x = 1;\n");
        assertThat(run(external(file).type(CheckType.EXTERNAL_PERL)).up()).isTrue();
    }

    @Test
    void usesTheCheckTimeout() throws Exception {
        ExternalCheck check = new ExternalCheck(ExternalSpec.of(external(script("exit 0"))
                .timeouts(Duration.ofSeconds(4), Duration.ofSeconds(30))
                .build()));
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void releasesThePipeWhenTheProgramExitsLeavingABackgroundChildHoldingIt() throws Exception {
        Path pid = dir.resolve("leftover.pid");
        long pipesBefore = openPipes();
        try {
            CheckResult result = run(external(script("sleep 300 &\necho $! > " + pid + "\necho leaving; exit 1")));

            assertThat(result.reason()).isEqualTo("exit status 1: leaving");
            await().atMost(Duration.ofSeconds(10)).until(() -> openPipes() <= pipesBefore);
        } finally {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void stopsCollectingAfterTheGraceThoughALeftoverChildKeepsTheOutputOpen() throws Exception {
        Process process = new ProcessBuilder("/bin/sh", "-c", "exec 2>&1; sleep 300 & echo $!; echo done").start();
        OutputCollector output = OutputCollector.start(process, 1024);
        try {
            process.waitFor();

            await().atMost(Duration.ofSeconds(10)).until(output::finished);
            assertThat(output.firstLine(Duration.ZERO)).matches("\\d+");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            ProcessHandle.of(Long.parseLong(output.firstLine(Duration.ZERO))).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The pipes this JVM holds open. */
    private static long openPipes() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).toString().startsWith("pipe:");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .count();
        }
    }
}
