package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.testing.Probes;
import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.ServiceKind;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CheckRunnerTest {

    private static CheckSpec withPassword(String password) {
        return Probes.negotiate(ServiceKind.FTP, InetAddress.getLoopbackAddress(), 21)
                .login("probe", password)
                .build()
                .check();
    }

    private static Check answering(CheckResult result) {
        return new Check() {
            @Override
            public CheckResult run(Deadline deadline) {
                return result;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }
        };
    }

    @Test
    void removesAnEchoedPasswordFromTheReason() {
        Check check = answering(CheckResult.down("530 Login incorrect, echoing: hunter2secret (hunter2secret)"));

        CheckResult result = new CheckRunner().run(check, withPassword("hunter2secret"));

        assertThat(result.reason()).isEqualTo("530 Login incorrect, echoing: [redacted] ([redacted])");
        assertThat(result.up()).isFalse();
    }

    @Test
    void removesAPasswordFromTheMessageOfAnException() {
        Check failing = new Check() {
            @Override
            public CheckResult run(Deadline deadline) throws Exception {
                throw new java.io.IOException("server said: bad password s3cr3t!");
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }
        };

        assertThat(new CheckRunner().run(failing, withPassword("s3cr3t!")).reason())
                .isEqualTo("IOException: server said: bad password [redacted]");
    }

    @Test
    void redactsAShortPasswordOnlyAsAWholeWord() {
        Check check = answering(CheckResult.up("230 logged in as probe with abc"));

        assertThat(new CheckRunner().run(check, withPassword("abc")).reason())
                .isEqualTo("230 logged in as probe with [redacted]");
        assertThat(new CheckRunner()
                        .run(answering(CheckResult.up("abcdef")), withPassword("abc"))
                        .reason())
                .isEqualTo("abcdef");
    }

    @Test
    void leavesAReasonWithoutSecretsAlone() {
        Check check = answering(CheckResult.upWithWeight("exit 5", 3));

        CheckResult result = new CheckRunner().run(check, withPassword(""));

        assertThat(result.reason()).isEqualTo("exit 5");
        assertThat(result.weight()).hasValue(3);
    }
}
