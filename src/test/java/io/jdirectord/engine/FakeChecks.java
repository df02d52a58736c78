package io.jdirectord.engine;

import io.jdirectord.check.Check;
import io.jdirectord.check.CheckFactory;
import io.jdirectord.check.CheckResult;
import io.jdirectord.check.Deadline;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.ProbeSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scripted answers of the probes in a scenario, by real server: up unless the test said otherwise,
 * until it says otherwise again. As a {@link CheckFactory} it builds checks that give those answers, and
 * refuses, as the real factory refuses an unusable spec, the checks of the real servers the test named.
 * Thread-safe.
 */
final class FakeChecks implements CheckFactory {

    private final Map<Endpoint, CheckResult> answers = new ConcurrentHashMap<>();
    private final Map<Endpoint, String> refused = new ConcurrentHashMap<>();

    /** From now on the probes of {@code real} ("IP:PORT") answer down with {@code reason}. */
    void down(String real, String reason) {
        answers.put(endpoint(real), CheckResult.down(reason));
    }

    /** From now on the probes of {@code real} answer up with {@code reason} (a load agent's line). */
    void say(String real, String reason) {
        answers.put(endpoint(real), CheckResult.up(reason));
    }

    /** From now on the probes of {@code real} answer up. */
    void up(String real) {
        answers.remove(endpoint(real));
    }

    /** From now on building a check for {@code real} fails with {@code reason}. */
    void refuse(String real, String reason) {
        refused.put(endpoint(real), reason);
    }

    @Override
    public Check create(ProbeSpec probe) {
        String reason = refused.get(probe.real());
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        return new Check() {
            @Override
            public CheckResult run(Deadline deadline) {
                return answer(probe);
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }
        };
    }

    CheckResult answer(ProbeSpec probe) {
        return answers.getOrDefault(probe.real(), CheckResult.up("scripted up"));
    }

    private static Endpoint endpoint(String real) {
        int colon = real.lastIndexOf(':');
        try {
            return new Endpoint(
                    InetAddress.getByName(real.substring(0, colon)), Integer.parseInt(real.substring(colon + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(real, e);
        }
    }
}
