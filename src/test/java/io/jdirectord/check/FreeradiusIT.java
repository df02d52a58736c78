package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.RadiusSpec;
import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.checks.testing.FreeradiusServer;
import io.jdirectord.config.ServiceKind;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RadiusCheck against Debian's FreeRADIUS 3.2 ({@code freeradius -X}) with a configuration of its own:
 * PAP against a users file holding bob, a Reply-Message on accept and on reject, clients 127.0.0.1 and
 * ::1 that must send a Message-Authenticator, one auth listener per family on a free port. Fails under CI=true when freeradius is missing, else skips.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FreeradiusIT {

    private static final String SECRET = FreeradiusServer.SECRET;

    @TempDir
    static Path directory;

    private static FreeradiusServer freeradius;
    private static int port;

    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void startFreeradius() throws Exception {
        HostCommands.requireExecutable(FreeradiusServer.BINARY);
        freeradius = FreeradiusServer.start(directory);
        port = freeradius.port();
    }

    @AfterAll
    static void stopFreeradius() {
        if (freeradius != null) {
            freeradius.close();
        }
    }

    private CheckResult check(String address, String password, String secret) throws Exception {
        Probes spec = Probes.negotiate(ServiceKind.RADIUS, InetAddress.getByName(address), port)
                .login("bob", password)
                .secret(secret)
                .timeout(Duration.ofMillis(2500));
        return runner.run(new RadiusCheck(RadiusSpec.of(spec.build())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void passesTheRightPassword(String address) throws Exception {
        CheckResult result = check(address, "s3cret", SECRET);
        assertThat(result)
                .extracting(CheckResult::up, CheckResult::reason)
                .as(freeradius.daemon().log())
                .containsExactly(true, "RADIUS Access-Accept: 'Hello, bob'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void failsOnAWrongPassword(String address) throws Exception {
        assertThat(check(address, "wrong", SECRET).reason())
                .isEqualTo("RADIUS Access-Reject: 'Wrong password for bob'");
    }

    /** FreeRADIUS drops a request whose Message-Authenticator does not verify under its secret. */
    @Test
    void failsUnderAWrongSecret() throws Exception {
        assertThat(check("127.0.0.1", "s3cret", "not-the-secret").reason())
                .isEqualTo(
                        "RADIUS: no answer within 2500 ms to 2 requests (wrong secret or not a client of the server?)");
    }

    @Test
    void failsAtOnceWhenTheServerIsStopped() throws Exception {
        int stopped = FreeradiusServer.freeUdpPort();
        Probes spec = Probes.negotiate(ServiceKind.RADIUS, InetAddress.getByName("::1"), stopped)
                .login("bob", "s3cret")
                .secret(SECRET)
                .timeout(Duration.ofSeconds(20));
        assertThat(runner.run(new RadiusCheck(RadiusSpec.of(spec.build()))).reason())
                .isEqualTo("RADIUS: port unreachable (nothing listens on UDP port " + stopped + ")");
    }
}
