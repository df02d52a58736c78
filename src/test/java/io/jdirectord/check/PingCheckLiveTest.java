package io.jdirectord.check;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.spec.PingSpec;
import io.jdirectord.check.testing.Probes;
import io.jdirectord.os.IcmpPrivileges;
import io.jdirectord.os.IcmpSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real ICMP echo to the loopback addresses; skipped when the process may open no ICMP socket. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PingCheckLiveTest {

    private final CheckRunner runner = new CheckRunner();

    @BeforeAll
    static void needsAnIcmpSocket() {
        IcmpPrivileges.Availability availability = IcmpSocket.availability();
        require(availability.available(), availability.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void getsAnEchoReplyFromLoopback(String address) throws Exception {
        CheckResult result = runner.run(new PingCheck(PingSpec.of(Probes.ping(InetAddress.getByName(address))
                .timeout(Duration.ofSeconds(2))
                .checkCount(2)
                .build())));
        assertThat(result.up()).as(result.reason()).isTrue();
        assertThat(result.reason()).startsWith("echo reply from " + address + " in ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void getsOnlyItsOwnRepliesWhenManyPingAtOnce(String address) throws Exception {
        InetAddress target = InetAddress.getByName(address);
        var results = new java.util.concurrent.ConcurrentLinkedQueue<CheckResult>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                threads.execute(() -> results.add(runner.run(new PingCheck(PingSpec.of(
                        Probes.ping(target).timeout(Duration.ofSeconds(2)).build())))));
            }
        }
        assertThat(results).hasSize(20).allMatch(CheckResult::up);
    }
}
