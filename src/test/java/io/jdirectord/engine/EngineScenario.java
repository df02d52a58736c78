package io.jdirectord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.check.testing.HostCommands;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.decision.FallbackCommand;
import io.jdirectord.ipvs.DryRunIpvsTable;
import io.jdirectord.ipvs.DryRunKernelSettings;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.ServiceEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole engine in-process with dummy parts: the configuration from a file, an in-memory table, the
 * dry run's kernel settings, a {@link ManualClock}, a {@link ManualProbeScheduler} answered by
 * {@link FakeChecks}, the events and fallbackcommands recorded. Time moves only in {@link #advance};
 * the table keeper runs its passes on its own thread, so what a result causes in the table is awaited.
 *
 * <p>A test class registers one as a field, {@code @RegisterExtension final EngineScenario engine = new
 * EngineScenario();}: each test gets its own engine in a directory of its own, and after the test the engine
 * is closed, the directory deleted, and the test fails if the engine reported an internal error.
 */
final class EngineScenario implements AfterEachCallback, AutoCloseable {

    private static final Duration PASS_WAIT = Duration.ofSeconds(5);

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));
    final FakeChecks checks = new FakeChecks();
    /** The load agents' answers, by agent endpoint (the real's address and the agentport). */
    final FakeChecks agents = new FakeChecks();

    final DryRunIpvsTable table = new DryRunIpvsTable();
    /** The table as the monitor sees it: {@link #table}, or its errors when told to fail. */
    final FlakyTable flaky = new FlakyTable(table);

    final RecordingEvents events = new RecordingEvents();
    final List<String> fallbackCommands = new CopyOnWriteArrayList<>();
    final Monitor monitor;
    private final Path directory;
    private final Path file;
    private ManualProbeScheduler scheduler;
    private ManualProbeScheduler agentScheduler;

    EngineScenario() {
        try {
            this.directory = Files.createTempDirectory("engine-scenario");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.file = directory.resolve("jdirectord.cf");
        this.monitor = new Monitor(
                flaky,
                new DryRunKernelSettings(),
                listener -> scheduler = new ManualProbeScheduler(listener, clock, checks),
                listener -> agentScheduler = new ManualProbeScheduler(listener, clock, agents),
                events,
                this::recordFallbackCommand,
                clock);
    }

    private void recordFallbackCommand(FallbackCommand command) {
        fallbackCommands.add(command.commandLine());
    }

    /** Writes {@code configuration} and puts it in force, as the daemon does at start. */
    EngineScenario start(String configuration) throws Exception {
        write(configuration);
        monitor.apply(new ConfigParser().parse(file));
        return this;
    }

    /** Starts {@code configuration} and runs its first round of checks. */
    EngineScenario startFirstRound(String configuration) throws Exception {
        start(configuration);
        firstRound();
        return this;
    }

    /** Writes {@code configuration} over the file and reloads it. */
    void reload(String configuration) throws IOException {
        write(configuration);
        monitor.reload("test", file);
    }

    private void write(String configuration) throws IOException {
        Files.writeString(file, configuration);
    }

    /** Moves time on, running the probes that fall due and then the monitor's periodic duties. */
    void advance(Duration by) {
        Instant from = clock.instant();
        scheduler.advance(by);
        if (agentScheduler.scheduled()) {
            clock.set(from);
            agentScheduler.advance(by);
        }
        monitor.tick();
    }

    /** Runs the probes due now, the first round after a start, and waits until it has been applied. */
    void firstRound() {
        advance(Duration.ZERO);
        awaitEvent("first round applied");
    }

    /** The directory of this scenario's files; deleted after the test. */
    Path directory() {
        return directory;
    }

    /** The configuration file that {@link #start} and {@link #reload} write. */
    Path file() {
        return file;
    }

    ManualProbeScheduler scheduler() {
        return scheduler;
    }

    /** The table as ipvsadm commands that would build it, services first, in listing order. */
    List<String> table() {
        List<String> lines = new ArrayList<>();
        for (ServiceEntry entry : table.services()) {
            lines.add(new IpvsOp.AddService(entry.service()).toIpvsadm());
            entry.destinations()
                    .forEach(d ->
                            lines.add(new IpvsOp.AddDestination(entry.service().key(), d.destination()).toIpvsadm()));
        }
        return lines;
    }

    /**
     * Waits until the table keeper's passes have made the table exactly {@code expected}, in any order: the
     * order in which one pass adds real servers follows the order their first results came in.
     */
    void awaitTable(String... expected) {
        await().atMost(PASS_WAIT).untilAsserted(() -> assertThat(table()).containsExactlyInAnyOrder(expected));
    }

    /** Waits until the fallbackcommands asked for since the last clear are exactly {@code expected}. */
    void awaitFallbackCommands(String... expected) {
        await().atMost(PASS_WAIT)
                .untilAsserted(() -> assertThat(fallbackCommands).containsExactly(expected));
    }

    /** Waits until the events include {@code expected}. */
    void awaitEvent(String expected) {
        await().atMost(PASS_WAIT).untilAsserted(() -> assertThat(events.lines()).contains(expected));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
        HostCommands.deleteTree(directory);
        assertThat(events.lines()).noneMatch(line -> line.startsWith("internal error"));
    }

    @Override
    public void close() {
        monitor.close();
    }
}
