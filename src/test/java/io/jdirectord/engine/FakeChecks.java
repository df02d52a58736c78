package io.jdirectord.engine;

import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.ProbeSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scripted answers of the probes in a scenario, by real server: up unless the test said otherwise,
 * until it says otherwise again. Thread-safe.
 */
final class FakeChecks {

    private final Map<Endpoint, CheckResult> answers = new ConcurrentHashMap<>();

    /** From now on the probes of {@code real} ("IP:PORT") answer down with {@code reason}. */
    void down(String real, String reason) {
        answers.put(endpoint(real), CheckResult.down(reason));
    }

    /** From now on the probes of {@code real} answer up. */
    void up(String real) {
        answers.remove(endpoint(real));
    }

    CheckResult answer(ProbeSpec probe) {
        return answers.getOrDefault(probe.real(), CheckResult.up("scripted up"));
    }

    private static Endpoint endpoint(String real) {
        int colon = real.lastIndexOf(':');
        try {
            return new Endpoint(InetAddress.getByName(real.substring(0, colon)), Integer.parseInt(real.substring(colon + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(real, e);
        }
    }
}
