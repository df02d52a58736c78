package io.jdirectord.check;

import io.jdirectord.check.spec.PingSpec;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.os.IcmpSocket;
import java.net.InetAddress;
import java.time.Duration;

/**
 * Runs one ping check and prints the outcome, for integration tests that run it inside a network
 * namespace: {@code PingProbeMain ADDRESS CHECKTIMEOUT_MS CHECKCOUNT}. Prints two lines: the ICMP
 * availability description, then "UP|DOWN<TAB>reason<TAB>elapsed ms".
 */
public final class PingProbeMain {

    private PingProbeMain() {}

    public static void main(String[] args) throws Exception {
        InetAddress target = InetAddress.getByName(args[0]);
        Duration timeout = Duration.ofMillis(Long.parseLong(args[1]));
        int count = Integer.parseInt(args[2]);
        System.out.println(IcmpSocket.availability().description());
        CheckResult result = new CheckRunner()
                .run(new PingCheck(PingSpec.of(
                        Probes.ping(target).timeout(timeout).checkCount(count).build())));
        System.out.println((result.up() ? "UP" : "DOWN") + "\t" + result.reason() + "\t"
                + result.elapsed().toMillis());
    }
}
