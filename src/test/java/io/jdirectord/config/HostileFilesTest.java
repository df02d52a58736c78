package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Files that must neither exhaust the daemon nor be misread: limits, byte-order marks, odd values. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileFilesTest {

    @TempDir
    java.nio.file.Path dir;

    private Fixture fixture() {
        return new Fixture(dir);
    }

    /** {@code count} virtual blocks (firewall marks 1..count), each with {@code reals} real servers. */
    static String services(int count, int reals) {
        StringBuilder text = new StringBuilder("checkinterval=5\n");
        for (int i = 1; i <= count; i++) {
            text.append("virtual=").append(i).append('\n');
            for (int r = 0; r < reals; r++) {
                int n = i * reals + r;
                text.append("\treal=10.")
                        .append(n >> 16)
                        .append('.')
                        .append((n >> 8) & 255)
                        .append('.')
                        .append(n & 255)
                        .append(" gate\n");
            }
        }
        return text.toString();
    }

    @Test
    void acceptsAByteOrderMarkBeforeTheFirstDirective() {
        assertThat(fixture().warnings("\uFEFFcheckinterval=5\nvirtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n"))
                .isEmpty();
    }

    @Test
    void acceptsTheMostVirtualServicesAndRealServers() {
        Config config = fixture()
                .parse(services(Limits.MAX_VIRTUAL_SERVICES, Limits.MAX_REAL_SERVERS / Limits.MAX_VIRTUAL_SERVICES));

        assertThat(config.virtualServices()).hasSize(Limits.MAX_VIRTUAL_SERVICES);
        assertThat(config.virtualServices().stream()
                        .mapToInt(s -> s.reals().size())
                        .sum())
                .isEqualTo(Limits.MAX_REAL_SERVERS);
    }

    @Test
    void refusesOneVirtualServiceMoreAtItsLine() {
        int line = 2 + 2 * Limits.MAX_VIRTUAL_SERVICES;

        assertThat(fixture().errors(services(Limits.MAX_VIRTUAL_SERVICES + 1, 1)))
                .containsExactly(line + ": more than 5000 virtual services in the file; the file is not read further");
    }

    @Test
    void refusesOneRealServerMoreAtItsLine() {
        String text = services(1, Limits.MAX_REAL_SERVERS) + "\treal=10.200.0.1 gate\n";

        assertThat(fixture().errors(text))
                .containsExactly((Limits.MAX_REAL_SERVERS + 3) + ": more than 10000 real servers"
                        + " in the file (ranges counted as expanded); this line brings them to 10001");
    }

    @Test
    void countsARangeAsTheRealServersItExpandsTo() {
        String text = services(1, Limits.MAX_REAL_SERVERS - 1) + "\treal=10.200.0.1->10.200.0.2 gate\n";

        assertThat(fixture().errors(text)).singleElement().asString().endsWith("this line brings them to 10001");
    }

    @Test
    void acceptsContiguousNetmasksOnly() {
        String block = "virtual=192.0.2.10:80\n\tpersistent=300\n\treal=10.0.0.1:80 gate\n\tnetmask=";

        assertThat(fixture().only(block + "255.255.255.0\n").persistence()).isPresent();
        assertThat(fixture().only(block + "255.255.255.255\n").persistence()).isPresent();
        assertThat(fixture().errors(block + "255.255.0.255\n"))
                .singleElement()
                .asString()
                .startsWith("4: netmask 255.255.0.255 is not contiguous");
    }

    @Test
    void warnsThatTheLogfileIsADirectory() throws Exception {
        java.nio.file.Path logs = Files.createDirectory(dir.resolve("logs"));

        assertThat(fixture().warnings("logfile=\"" + logs + "\"\nvirtual=192.0.2.10:80\n\treal=10.0.0.1:80 gate\n"))
                .containsExactly("1: logfile \"" + logs + "\" is a directory; the failure log cannot be written (name a"
                        + " file in it)");
    }

    @Test
    void warnsOfAReceiveThatNeedsTheBacktrackingMatcherOnly() {
        String block =
                "virtual=192.0.2.10:80\n\tchecktype=negotiate\n\tservice=http\n\treal=10.0.0.1:80 gate\n\treceive=";

        assertThat(fixture().warnings(block + "\"(a+)+b\"\n")).isEmpty();
        assertThat(fixture().warnings(block + "\"<(b)>.*</\\1>\"\n"))
                .singleElement()
                .asString()
                .startsWith("5: receive \"<(b)>.*</\\1>\" uses $, a back-reference, lookaround");
    }
}
