package io.jdirectord.ipvs;

import static io.jdirectord.ipvs.ReconcilerTest.dest;
import static io.jdirectord.ipvs.ReconcilerTest.key;
import static io.jdirectord.ipvs.ReconcilerTest.service;
import static io.jdirectord.testing.EngineFixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DryRunIpvsTableTest {

    private static final IpvsService WEB = service("192.0.2.10", 80, "wrr");
    private static final IpvsService MISSING = service("192.0.2.20", 80, "wrr");

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.jdirectord.ipvs.dryrun");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private DryRunIpvsTable table;

    @BeforeEach
    void startWithOneServiceAndOneDestination() throws IpvsException {
        table = new DryRunIpvsTable();
        table.addService(WEB);
        table.addDestination(WEB.key(), dest("10.0.0.1", 80, 1));
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void detachLog() {
        logger.detachAppender(log);
    }

    /** Given the service 192.0.2.10:80 with destination 10.0.0.1:80, this operation fails with this errno. */
    static Stream<Arguments> refusals() {
        IpvsDestination v6Routed =
                new IpvsDestination(new DestinationKey(ip("2001:db8::1"), 80), ForwardingMethod.ROUTE, 1, 0, 0);
        return Stream.of(
                Arguments.of("add an existing service", new IpvsOp.AddService(WEB), IpvsTable.EEXIST),
                Arguments.of("edit a missing service", new IpvsOp.EditService(MISSING), IpvsTable.ESRCH),
                Arguments.of("delete a missing service", new IpvsOp.DeleteService(MISSING.key()), IpvsTable.ESRCH),
                Arguments.of(
                        "add to a missing service",
                        new IpvsOp.AddDestination(MISSING.key(), dest("10.0.0.1", 80, 1)),
                        IpvsTable.ESRCH),
                Arguments.of(
                        "add an existing destination",
                        new IpvsOp.AddDestination(WEB.key(), dest("10.0.0.1", 80, 2)),
                        IpvsTable.EEXIST),
                Arguments.of(
                        "edit a missing destination",
                        new IpvsOp.EditDestination(WEB.key(), dest("10.0.0.2", 80, 1)),
                        IpvsTable.ENOENT),
                Arguments.of(
                        "delete a missing destination",
                        new IpvsOp.DeleteDestination(WEB.key(), key("10.0.0.2", 80)),
                        IpvsTable.ENOENT),
                Arguments.of(
                        "delete from a missing service",
                        new IpvsOp.DeleteDestination(MISSING.key(), key("10.0.0.1", 80)),
                        IpvsTable.ESRCH),
                Arguments.of(
                        "unknown scheduler",
                        new IpvsOp.AddService(service("192.0.2.30", 80, "wrrr")),
                        IpvsTable.ENOENT),
                Arguments.of("negative weight", new IpvsOp.AddDestination(WEB.key(), dest("10.0.0.3", 80, -1)), 34),
                Arguments.of(
                        "lower threshold above upper",
                        new IpvsOp.AddDestination(
                                WEB.key(), new IpvsDestination(key("10.0.0.3", 80), ForwardingMethod.ROUTE, 1, 0, 10)),
                        34),
                Arguments.of("other family without tunnel", new IpvsOp.AddDestination(WEB.key(), v6Routed), 22));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesLikeTheKernel(String description, IpvsOp op, int errno) {
        List<ServiceEntry> before = table.services();

        List<Optional<IpvsException>> results = table.apply(List.of(op));

        assertThat(results.get(0)).hasValueSatisfying(e -> assertThat(e.errno()).isEqualTo(errno));
        assertThat(table.services()).isEqualTo(before);
        assertThat(lines())
                .containsExactly("# failed: " + results.get(0).orElseThrow().getMessage());
    }

    @Test
    void logsEveryChangeAsAnIpvsadmCommandLine() throws IpvsException {
        table.editDestination(WEB.key(), dest("10.0.0.1", 80, 0));
        table.deleteDestination(WEB.key(), key("10.0.0.1", 80));
        table.deleteService(WEB.key());

        assertThat(lines())
                .containsExactly(
                        "ipvsadm -e -t 192.0.2.10:80 -r 10.0.0.1:80 -g -w 0",
                        "ipvsadm -d -t 192.0.2.10:80 -r 10.0.0.1:80",
                        "ipvsadm -D -t 192.0.2.10:80");
        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsOnly(ch.qos.logback.classic.Level.INFO);
        assertThat(table.services()).isEmpty();
    }

    @Test
    void listsWhatItWasToldAndStartsFromACopy() throws IpvsException {
        DryRunIpvsTable copy = new DryRunIpvsTable(table.services());
        copy.editDestination(WEB.key(), dest("10.0.0.1", 80, 7));

        assertThat(copy.services().get(0).destinations().get(0).destination().weight())
                .isEqualTo(7);
        assertThat(table.services().get(0).destinations().get(0).destination().weight())
                .isEqualTo(1);
    }

    @Test
    void logsItsChangesAtInfoWhenItEchoesAndAtDebugWhenTheFailureLogShowsThem() throws IpvsException {
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            table.addService(MISSING);
            new DryRunIpvsTable(false).addService(WEB);
        } finally {
            logger.setLevel(before);
        }

        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.DEBUG);
        assertThat(lines()).containsExactly("ipvsadm -A -t 192.0.2.20:80 -s wrr", "ipvsadm -A -t 192.0.2.10:80 -s wrr");
    }

    @Test
    void keepsEveryChangeMadeFromManyThreadsAtOnce() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            IpvsDestination d = dest("10.1." + (i / 250) + "." + (i % 250 + 1), 80, 1);
            threads.add(Thread.ofVirtual().start(() -> table.apply(List.of(new IpvsOp.AddDestination(WEB.key(), d)))));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(table.services().get(0).destinations()).hasSize(201);
    }

    private List<String> lines() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
