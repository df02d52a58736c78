package io.jdirectord.engine;

import io.jdirectord.check.AgentCheck;
import io.jdirectord.check.CheckResult;
import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigException;
import io.jdirectord.config.ConfigMessage;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.VirtualService;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.decision.FailsafeHold;
import io.jdirectord.decision.PresumedUp;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.health.HealthKey;
import io.jdirectord.health.HealthRegistry;
import io.jdirectord.health.HealthSnapshot;
import io.jdirectord.health.HealthStatus;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsKernelSettings;
import io.jdirectord.ipvs.IpvsTable;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.schedule.PreparedProbes;
import io.jdirectord.schedule.ProbeListener;
import io.jdirectord.schedule.ProbeScheduler;
import io.jdirectord.schedule.ProbeSetupException;
import io.jdirectord.schedule.QuartzProbeScheduler;
import io.jdirectord.schedule.ScheduledProbe;
import io.jdirectord.schedule.ScheduledProbes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The running monitor, sole owner of the running state (the configuration in force, health, the
 * {@link TableKeeper}): probe results flow into health, health changes wake the table keeper, which
 * brings the table in line. Everything it does is told to its {@link MonitorEvents}; the probes are
 * run by the {@link ProbeScheduler} it is given, time is read from the clock it is given.
 * Thread-safety: {@link #onResult} is called from many probe threads at once; {@link #apply},
 * {@link #reload}, {@link #tick} and {@link #stop} from one control thread.
 */
public final class Monitor implements ProbeListener, AutoCloseable {

    /** How often the weights of ramping real servers step up: a table pass at least this often while any ramp. */
    static final Duration RAMP_STEP = Duration.ofSeconds(1);

    private final HealthRegistry health = new HealthRegistry();
    private final AtomicReference<Running> running = new AtomicReference<>();
    private final StatusBoard status = new StatusBoard();
    private final DirectorHealthFacts facts = new DirectorHealthFacts();
    private final MaintenanceWatch maintenance = new MaintenanceWatch();
    private final SlowStart slowStart = new SlowStart();
    private final AgentWeights agents = new AgentWeights();
    private final OperatorControls controls = new OperatorControls();
    private final RemovedDrains removedDrains = new RemovedDrains();
    private final MonitorEvents events;
    private final TableKeeper keeper;
    private final KernelSettings kernel;
    private final ProbeScheduler scheduler;
    private final ProbeScheduler agentScheduler;
    private final Clock clock;
    private final StallWatch stalls;
    private volatile @Nullable Thread stallThread;
    /** When the maintenance directory is next scanned; never before the first configuration is applied. */
    private Instant nextMaintenance = Instant.MAX;
    /** When drift is next repaired; never before the first configuration is applied. */
    private Instant nextRepair = Instant.MAX;
    /** When the next slow-start step is due while real servers ramp. */
    private Instant nextRampStep = Instant.MIN;
    /** When a pass next looks whether drains are over (while some real server is draining). */
    private Instant nextDrainCheck = Instant.MIN;

    /**
     * @param table      the table to keep
     * @param kernel     where the kernel-wide settings go
     * @param schedulers makes the scheduler that runs the probes and reports to the listener given
     * @param events     hears everything the monitor does
     * @param fallback   runs the fallbackcommands the table keeper asks for
     * @param clock      the time health changes, maintenance and repair are dated by
     */
    public Monitor(
            IpvsTable table,
            IpvsKernelSettings kernel,
            Function<ProbeListener, ProbeScheduler> schedulers,
            MonitorEvents events,
            FallbackCommandRunner fallback,
            Clock clock) {
        this(
                table,
                kernel,
                schedulers,
                listener -> QuartzProbeScheduler.start(AgentCheck::new, listener),
                events,
                fallback,
                clock);
    }

    /**
     * A monitor whose load agents ({@code agentport}) are asked by their own scheduler.
     *
     * @param agentSchedulers makes the scheduler that asks the load agents and reports to the listener given
     */
    public Monitor(
            IpvsTable table,
            IpvsKernelSettings kernel,
            Function<ProbeListener, ProbeScheduler> schedulers,
            Function<ProbeListener, ProbeScheduler> agentSchedulers,
            MonitorEvents events,
            FallbackCommandRunner fallback,
            Clock clock) {
        this.events = events;
        this.clock = clock;
        this.kernel = new KernelSettings(kernel, events);
        this.keeper = new TableKeeper(
                table, health, events, fallback, facts, slowStart, agents, controls, removedDrains, clock);
        this.stalls = new StallWatch(clock, events::monitorStalled);
        this.scheduler = schedulers.apply(this);
        this.agentScheduler = agentSchedulers.apply(this::onAgentResult);
    }

    /** Starts ticking the {@link StallWatch} on its own thread (the daemon does; tests tick it by hand). */
    public void watchStalls() {
        stallThread = stalls.start();
    }

    /** The watch over the monitor's own stalls. */
    public StallWatch stallWatch() {
        return stalls;
    }

    /**
     * Puts {@code config} in force: health keeps the state of unchanged probes, the scheduler keeps
     * their phase, the table is reconciled at once (adopting what is already there at start). Either all
     * of it happens or nothing: the table is listed and every new probe's check built before the running
     * state, health or the table is touched. A real server the previous configuration had and this one
     * no longer has drains when its service's draintime was set ({@link RemovedDrains#begin}); else it
     * leaves the table at once, as does a removed service without draining real servers.
     *
     * @throws IpvsException    when the table cannot be listed (nothing is changed then)
     * @throws ConfigException  when a check cannot be built, as FILE:LINE of its real server (nothing is
     *                          changed then)
     */
    public void apply(Config config) throws IpvsException, ConfigException {
        List<ServiceEntry> listed = keeper.list();
        ProbeIndex index = ProbeIndex.of(config);
        PreparedProbes probes = prepare(config, index);
        Set<HealthKey> keys = index.canonical(HealthKey.allOf(config));
        Set<HealthKey> presumedUp = new HashSet<>(PresumedUp.from(config, listed));
        presumedUp.addAll(removedDrains.presumedUp(config));
        Running previous = running.get();
        Running next = new Running(config, index, new FirstRound(probes.probes()));
        Set<VirtualServiceKey> removed = previous == null
                ? Set.of()
                : previous.config().virtualServices().stream()
                        .map(v -> v.key())
                        .filter(k -> config.virtualService(k).isEmpty())
                        .collect(Collectors.toSet());
        List<RemovedDrain> began = previous == null
                ? List.of()
                : RemovedDrains.begin(
                        previous.config(), config, health.snapshot(), controls.view(), listed, clock.instant());
        running.set(next);
        List<ScheduledProbe> agentProbes = agents.configure(config);
        List<RealRef> dropped = controls.retain(config);
        if (!dropped.isEmpty()) {
            events.controlsDropped(dropped, "no longer configured");
        }
        handle(keeper.configure(next, removed, began, () -> health.configure(keys, presumedUp, clock.instant())), next);
        status.retain(next.index().probes(), keys);
        kernel.apply(config);
        keeper.reconcileNow("configure");
        scheduler.schedule(probes);
        agentScheduler.schedule(agentProbes);
        facts.configured(probes.probes(), clock.instant());
        maintenance.configured(config);
        events.configApplied(next);
        if (next.firstRound().complete()) {
            firstRoundApplied(next);
        }
        if (previous == null) {
            nextMaintenance = clock.instant();
            nextRepair = nextMaintenance.plus(config.globals().repairInterval());
        }
    }

    private PreparedProbes prepare(Config config, ProbeIndex index) throws ConfigException {
        try {
            return scheduler.prepare(ScheduledProbes.from(config).stream()
                    .map(probe -> new ScheduledProbe(index.canonical(probe.spec()), probe.interval()))
                    .toList());
        } catch (ProbeSetupException e) {
            throw new ConfigException(List.of(Refusals.checkSetup(config, index, e.probe(), Refusals.messageOf(e))));
        }
    }

    /**
     * Reads {@code file} again and puts it in force when it is valid. With errors, a check that cannot be
     * built, no virtual service where some are running, or when the file or the table cannot be read,
     * the running configuration stays in force, probing goes on and the table is not touched.
     */
    public void reload(String trigger, Path file) {
        try {
            Config next = new ConfigParser().parse(file);
            Running now = running.get();
            Optional<ConfigMessage> empty =
                    now == null ? Optional.empty() : Refusals.emptyReplacement(now.config(), next);
            if (empty.isPresent()) {
                throw new ConfigException(List.of(empty.get()));
            }
            events.configWarnings(next.warnings());
            apply(next);
            events.reloaded(trigger, next);
        } catch (ConfigException e) {
            events.reloadRejected(trigger, e.errors());
        } catch (IOException e) {
            events.reloadFailed(trigger, Refusals.unreadable(file, e));
        } catch (IpvsException e) {
            events.reloadFailed(trigger, Refusals.messageOf(e));
        }
    }

    @Override
    public void onResult(ProbeSpec probe, CheckResult result, Instant finished) {
        onResult(probe, result, finished, Duration.ZERO);
    }

    /**
     * A result; a failed one whose run lost more than half its timeout to the monitor's own lateness or stall
     * is inconclusive ({@link ProbeLag}): reported, but health, the status board and the first round ignore it.
     */
    @Override
    public void onResult(ProbeSpec probe, CheckResult result, Instant finished, Duration startLag) {
        Running now = running.get();
        Optional<ProbeLag> lag = result.up() ? Optional.empty() : lag(probe, result, finished, startLag);
        if (lag.isPresent()) {
            events.probeInconclusive(now, probe, result, lag.get());
            return;
        }
        status.recordResult(probe, result, finished);
        facts.probeResult(finished);
        events.probeResult(now, probe, result, finished, startLag);
        handle(keeper.change(() -> health.record(probe, result, finished)), now);
        if (now.firstRound().report(probe)) {
            keeper.afterNextPass(() -> firstRoundApplied(now));
            keeper.requestReconcile();
        }
    }

    /**
     * A load agent's result: a change of what it says is reported once, and a table pass is asked only when
     * the steering of its real servers changed. An agent that cannot be asked changes nothing else.
     */
    private void onAgentResult(ProbeSpec probe, CheckResult result, Instant finished) {
        AgentWeights.Update update = agents.record(probe, result);
        update.change().ifPresent(change -> events.agentChanged(running.get(), change));
        if (update.steering()) {
            keeper.requestReconcile("agent");
        }
    }

    /** Only a failed result can be inconclusive: passing results, nearly all of them, never scan the stalls. */
    private Optional<ProbeLag> lag(ProbeSpec probe, CheckResult result, Instant finished, Duration startLag) {
        Instant started = finished.minus(result.elapsed());
        return ProbeLag.inconclusive(probe.check(), result, startLag, stalls.stalledWithin(started, finished));
    }

    private void firstRoundApplied(Running now) {
        slowStart.warm();
        facts.firstRoundComplete();
        events.firstRoundApplied(now);
    }

    /**
     * Whether this director can serve, judged now: unhealthy before the first configuration is in force
     * and its first round of checks has reached the table, while table passes keep failing or drift
     * cannot be repaired, and while probing has stalled (no result for twice the shortest probe cycle).
     */
    public DirectorHealth directorHealth() {
        Running now = running.get();
        if (now == null) {
            return facts.assess(clock.instant(), 0);
        }
        HealthSnapshot snapshot = health.snapshot();
        int lost = 0;
        for (VirtualService virtual : now.config().virtualServices()) {
            boolean anyUp = virtual.reals().stream()
                    .anyMatch(real -> snapshot.get(HealthKey.of(virtual, real)).status() == HealthStatus.UP);
            lost += virtual.reals().isEmpty() || anyUp ? 0 : 1;
        }
        return facts.assess(clock.instant(), lost);
    }

    /**
     * Runs the periodic duties that are due by the clock: the maintenance directory every checkinterval
     * (at least every second), a table pass every {@link #RAMP_STEP} while real servers ramp up and every
     * second while a real server is draining (one pass for all of them; drains are ended by passes, which
     * read the connections and the deadline), drift repair every repairinterval (never when it is 0).
     */
    public void tick() {
        Instant now = clock.instant();
        Config config = running.get().config();
        if (config.globals().maintenanceDir().isPresent() && !now.isBefore(nextMaintenance)) {
            Duration interval = config.globals().checkInterval();
            nextMaintenance =
                    now.plus(interval.compareTo(Duration.ofSeconds(1)) >= 0 ? interval : Duration.ofSeconds(1));
            maintenance.scan(config).ifPresent(this::applyMaintenance);
        }
        if (slowStart.ramping() && !now.isBefore(nextRampStep)) {
            nextRampStep = now.plus(RAMP_STEP);
            keeper.requestReconcile("slowstart");
        }
        if ((controls.draining() || removedDrains.draining()) && !now.isBefore(nextDrainCheck)) {
            nextDrainCheck = now.plusSeconds(1);
            keeper.requestReconcile("drain");
        }
        Duration repair = config.globals().repairInterval();
        if (!repair.isZero() && !now.isBefore(nextRepair)) {
            nextRepair = now.plus(repair);
            repair();
        }
    }

    /** Sets the maintenance state of every configured real server from the maintenance directory. */
    void applyMaintenance(MaintenanceScan scan) {
        Running now = running.get();
        Instant at = clock.instant();
        Set<Endpoint> seen = new HashSet<>();
        for (var virtual : now.config().virtualServices()) {
            for (var real : virtual.reals()) {
                if (seen.add(real.endpoint())) {
                    handle(
                            keeper.change(
                                    () -> health.maintenance(real.endpoint(), scan.inMaintenance(real.endpoint()), at)),
                            now);
                }
            }
        }
    }

    private void handle(List<HealthEvent> changes, Running now) {
        if (changes.isEmpty()) {
            return;
        }
        for (HealthEvent event : changes) {
            if (event instanceof HealthEvent.Transition transition) {
                status.recordChange(transition.key(), transition.at());
            }
        }
        events.healthEvents(changes, now);
        if (changes.stream().anyMatch(HealthEvent::changesTable)) {
            keeper.requestReconcile();
        }
    }

    /**
     * Carries out an operator's command, given as its words ({@link ControlCommand}), on the configuration
     * in force, and has a table pass apply it. Never throws: an ill-formed command or one that names no
     * configured real server is an error answer and changes nothing. Either way it is told to the events.
     *
     * @param requester who asked, for the log ({@code uid 0 (root)})
     */
    public ControlAnswer control(List<String> words, String requester) {
        Running now = running.get();
        ControlAnswer answer;
        try {
            ControlCommand command = ControlCommand.parse(words, requester);
            answer = now == null
                    ? ControlAnswer.error("no configuration in force yet")
                    : controls.apply(command, now.config(), clock.instant());
        } catch (IllegalArgumentException e) {
            answer = ControlAnswer.error(String.valueOf(e.getMessage()));
        }
        events.control(String.join(" ", words), requester, answer);
        if (answer.changed() > 0) {
            keeper.requestReconcile("control");
        }
        return answer;
    }

    /**
     * Puts back the controls an earlier run saved, replacing any; called before the first {@link #apply}, so
     * that its table pass obeys them (a disabled real server never enters the table). A control whose real
     * server the configuration then lacks is dropped by that apply, as by a reload.
     */
    public void restoreControls(Map<RealRef, RealControl> saved) {
        controls.restore(saved);
    }

    /** What operators have set on real servers at run time, by real server of each virtual service. */
    public Map<RealRef, RealControl> controls() {
        return controls.view();
    }

    /** The real servers that reloads removed and that drain now, in the order they began. */
    public List<RemovedDrain> removedDrains() {
        return removedDrains.view();
    }

    /** Repairs drift: re-reads the table and reconciles, reporting what had to change. */
    public void repair() {
        keeper.reconcileNow("repair");
    }

    /** The configuration in force and what was derived from it; null before the first {@link #apply}. */
    public Running running() {
        return running.get();
    }

    public HealthRegistry health() {
        return health;
    }

    /** Each probe's last result and when each health state last changed. */
    public StatusBoard status() {
        return status;
    }

    /** The virtual services whose table the failsafe holds, as of the last table pass. */
    public Map<VirtualServiceKey, FailsafeHold> failsafe() {
        return keeper.failsafe();
    }

    /** The table as it is now. */
    public List<ServiceEntry> table() throws IpvsException {
        return keeper.list();
    }

    /** What the load agent of each real server that has one was last heard to say. */
    public Map<RealRef, AgentHeard> agents() {
        return agents.heard();
    }

    /** The slow-start share (0..1) of each real server ramping up now. */
    public Map<RealRef, Double> ramps() {
        Instant now = clock.instant();
        Map<RealRef, Double> shares = new HashMap<>();
        slowStart.inProgress().forEach((ref, ramp) -> shares.put(ref, ramp.at(now)));
        return shares;
    }

    /** Stops probing and removes the virtual services whose cleanstop is yes. */
    public void stop() {
        agentScheduler.close();
        scheduler.close();
        keeper.removeCleanStopServices(running.get());
    }

    @Override
    public void close() {
        agentScheduler.close();
        scheduler.close();
        keeper.close();
        Thread watching = stallThread;
        if (watching != null) {
            watching.interrupt();
        }
    }
}
