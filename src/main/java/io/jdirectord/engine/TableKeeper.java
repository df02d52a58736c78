package io.jdirectord.engine;

import io.jdirectord.config.VirtualService;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.decision.Decision;
import io.jdirectord.decision.DesiredState;
import io.jdirectord.decision.FailsafeHold;
import io.jdirectord.decision.FallbackCommand;
import io.jdirectord.decision.FallbackCommands;
import io.jdirectord.decision.IpvsSettings;
import io.jdirectord.decision.RealSteer;
import io.jdirectord.decision.Steering;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.health.HealthRegistry;
import io.jdirectord.health.HealthSnapshot;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.IpvsTable;
import io.jdirectord.ipvs.OpResult;
import io.jdirectord.ipvs.ReconcileReport;
import io.jdirectord.ipvs.Reconciler;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceKey;
import io.jdirectord.ipvs.TableState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the table in line with configuration and health. Health changes only request a pass; one
 * virtual thread runs passes while requests keep coming, each after a rest as long as the previous pass
 * took ({@link PassPacing}), so a burst of changes (10,000 servers dying at once, or coming up at start)
 * costs a few passes, not one per server, and leaves CPU to the probes. A pass lists the table, computes the
 * desired state, applies the difference as one batch, logs each transition with the operations that
 * followed it, and asks for the fallbackcommands whose state changed. Passes never overlap.
 *
 * <p>Health changes go through {@link #change}, which applies them and queues their transitions as one
 * step; a pass takes the queued transitions, the actions waiting for it and the health snapshot as one
 * step too. So a pass logs exactly the transitions its snapshot contains, each with its own operations,
 * and runs exactly the actions queued after changes it has applied.
 */
final class TableKeeper implements AutoCloseable {

    /** Causes of passes that are reported as check passes when health changes were applied in them. */
    private static final Set<String> REPORTED_AS_CHECK = Set.of("repair", "slowstart", "agent");

    private final IpvsTable table;
    private final Reconciler reconciler;
    private final HealthRegistry health;
    private final MonitorEvents events;
    private final FallbackCommandRunner fallback;
    private final DirectorHealthFacts facts;
    private final SlowStart slowStart;
    private final AgentWeights agents;
    private final OperatorControls controls;
    private final RemovedDrains removedDrains;
    private final InstantSource clock;
    /** Why the loop was woken when no health change did: a steering cause, else null (check). */
    private final AtomicReference<@Nullable String> wakeCause = new AtomicReference<>();

    private final ReentrantLock passLock = new ReentrantLock();
    private final ReentrantLock stateLock = new ReentrantLock();
    private final Semaphore wake = new Semaphore(0);
    private final PassPacing pacing = new PassPacing();
    private final ConcurrentLinkedQueue<HealthEvent.Transition> transitions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> afterPass = new ConcurrentLinkedQueue<>();
    private final Map<VirtualServiceKey, FallbackCommand.Action> fallbackRun = new HashMap<>();
    private final Set<ServiceKey> retired = new HashSet<>();
    private final Thread loop;
    private volatile @Nullable Running running;
    /** The failsafe holds of the last pass. */
    private volatile Map<VirtualServiceKey, FailsafeHold> failsafe = Map.of();

    private volatile boolean closed;
    /** Whether a health change that affects the table came since the last pass took the health (under stateLock). */
    private boolean changedSinceLastPass;

    TableKeeper(
            IpvsTable table,
            HealthRegistry health,
            MonitorEvents events,
            FallbackCommandRunner fallback,
            DirectorHealthFacts facts) {
        this(
                table,
                health,
                events,
                fallback,
                facts,
                new SlowStart(),
                new AgentWeights(),
                new OperatorControls(),
                new RemovedDrains(),
                InstantSource.system());
    }

    /**
     * @param slowStart the ramps of real servers that came back up, fed each pass's transitions
     * @param agents    what the load agents say
     * @param controls      what operators set at run time
     * @param removedDrains the real servers that reloads removed and that drain
     * @param clock         the time ramps and drain deadlines are measured by
     */
    TableKeeper(
            IpvsTable table,
            HealthRegistry health,
            MonitorEvents events,
            FallbackCommandRunner fallback,
            DirectorHealthFacts facts,
            SlowStart slowStart,
            AgentWeights agents,
            OperatorControls controls,
            RemovedDrains removedDrains,
            InstantSource clock) {
        this.slowStart = slowStart;
        this.agents = agents;
        this.controls = controls;
        this.removedDrains = removedDrains;
        this.clock = clock;
        this.table = table;
        this.reconciler = new Reconciler(table);
        this.health = health;
        this.events = events;
        this.fallback = fallback;
        this.facts = facts;
        this.loop = Thread.ofVirtual().name("table-keeper").start(this::loop);
    }

    List<ServiceEntry> list() throws IpvsException {
        return table.services();
    }

    /**
     * Switches to a new configuration and its health keys ({@code reconfigureHealth} calls
     * {@link HealthRegistry#configure}) in one step between passes: no pass judges the old configuration
     * by the new keys, where a server whose check changed would be unknown and taken out. Services of
     * {@code removed} are deleted by the first pass that has none of their real servers draining; the
     * drains {@code began} are added, and those of real servers {@code next} configures again cancelled.
     *
     * @return the events of the health change
     */
    List<HealthEvent> configure(
            Running next,
            Set<VirtualServiceKey> removed,
            List<RemovedDrain> began,
            Supplier<List<HealthEvent>> reconfigureHealth) {
        passLock.lock();
        try {
            List<HealthEvent> events = change(reconfigureHealth);
            running = next;
            List<RealRef> cancelled = removedDrains.reload(began, next.config());
            if (!began.isEmpty()) {
                this.events.drainBegan(next, began);
            }
            if (!cancelled.isEmpty()) {
                this.events.drainCancelled(next, cancelled);
            }
            removed.forEach(key -> retired.add(IpvsSettings.serviceKey(key)));
            next.config().virtualServices().forEach(v -> retired.remove(IpvsSettings.serviceKey(v.key())));
            fallbackRun
                    .keySet()
                    .removeIf(key -> next.config().virtualService(key).isEmpty());
            return events;
        } finally {
            passLock.unlock();
        }
    }

    /**
     * Applies a health change ({@code change} calls the {@link HealthRegistry}) and remembers its status
     * changes for the next pass, which logs them with the operations that followed.
     *
     * @return the events of the change
     */
    List<HealthEvent> change(Supplier<List<HealthEvent>> change) {
        stateLock.lock();
        try {
            List<HealthEvent> events = change.get();
            for (HealthEvent event : events) {
                if (event instanceof HealthEvent.Transition transition) {
                    transitions.add(transition);
                }
                changedSinceLastPass |= event.changesTable();
            }
            return events;
        } finally {
            stateLock.unlock();
        }
    }

    void requestReconcile() {
        wakeCause.set("check");
        wake.release();
    }

    /**
     * Asks for a pass because the steering changed ({@code cause}: slowstart, agent); a health change
     * that comes before the pass makes it a check pass.
     */
    void requestReconcile(String cause) {
        wakeCause.compareAndSet(null, cause);
        wake.release();
    }

    /** Runs {@code action} after the next pass completes. */
    void afterNextPass(Runnable action) {
        afterPass.add(action);
    }

    /** Runs a pass on the caller's thread now. */
    void reconcileNow(String cause) {
        pass(cause);
    }

    private void loop() {
        while (!closed) {
            try {
                wake.acquire();
                long wait = pacing.waitBefore(System.nanoTime());
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                wake.drainPermits();
                String cause = wakeCause.getAndSet(null);
                if (!closed) {
                    long started = System.nanoTime();
                    pass(cause == null ? "check" : cause);
                    pacing.passed(started, System.nanoTime());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                events.internalError("table keeper", e);
            }
        }
    }

    /** What a pass takes in one step: the transitions to log, the actions to run after it, the health to apply. */
    private record Taken(
            List<HealthEvent.Transition> transitions,
            List<Runnable> afterPass,
            HealthSnapshot health,
            boolean healthChanged) {}

    private Taken take() {
        stateLock.lock();
        try {
            boolean healthChanged = changedSinceLastPass;
            changedSinceLastPass = false;
            return new Taken(drain(transitions), drain(afterPass), health.snapshot(), healthChanged);
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * One pass. A repair pass that finds health changes not yet applied is reported as a check pass, so
     * that what those changes cause (fallback in or out, weights) is not mistaken for drift.
     */
    private void pass(String cause) {
        List<Runnable> due = List.of();
        passLock.lock();
        try {
            Running now = running;
            if (now == null) {
                return;
            }
            List<ServiceEntry> listed = table.services();
            Taken taken = take();
            due = taken.afterPass();
            RemovedDrains.Steered removed = removedDrains.steer(listed, clock.instant());
            removed.ended().forEach(end -> events.drainEnded(now, end));
            Decision decision = DesiredState.compute(
                    now.config(), taken.health(), steering(now, taken, listed), removed.draining(), listed);
            ReconcileReport report = reconciler.reconcile(decision.table(), listed, Set.copyOf(retired));
            String reported = taken.healthChanged() && REPORTED_AS_CHECK.contains(cause) ? "check" : cause;
            events.tablePass(reported, now, taken.transitions(), report);
            facts.passEnded(reported, failure(report));
            forgetRetired(report, decision.table());
            reportFailsafe(now, decision.failsafe());
            runFallbackCommands(now, decision);
        } catch (IpvsException e) {
            events.tableUnreadable(cause, e);
            facts.passEnded(cause, "cannot list the table: " + e.getMessage());
        } finally {
            passLock.unlock();
        }
        due.forEach(Runnable::run);
    }

    /**
     * The pass's steering: what each source says about each real server, combined by {@link Steers#combine}
     * (the stricter administrative state, the smaller share and ramp win). Sources: the operators' controls
     * (ending the drains that are over by the listed connections and the clock), the load agents, and slow
     * start, whose ramps this pass's transitions start.
     */
    private Steering steering(Running now, Taken taken, List<ServiceEntry> listed) {
        Instant at = clock.instant();
        OperatorControls.Steered operator = controls.steer(now.config(), listed, at);
        operator.ended().forEach(end -> events.drainEnded(now, end));
        List<RealRef> began = slowStart.observe(now, taken.transitions());
        if (!began.isEmpty()) {
            events.slowStartBegan(now, began);
        }
        Map<RealRef, RealSteer> reals = new HashMap<>(operator.reals());
        agents.steering().forEach((ref, steer) -> reals.merge(ref, steer, Steers::combine));
        slowStart
                .ramps(now, taken.health(), at)
                .forEach((ref, ramp) -> reals.merge(
                        ref, new RealSteer(RealSteer.Admin.ENABLED, OptionalInt.empty(), 100, ramp), Steers::combine));
        return reals.isEmpty() ? Steering.NONE : new Steering(reals);
    }

    /** What failed in a pass, for an operator: the first refused operation and how many there were; empty when none. */
    private static String failure(ReconcileReport report) {
        List<OpResult> failures = report.failures();
        if (failures.isEmpty()) {
            return "";
        }
        OpResult first = failures.getFirst();
        String more = failures.size() > 1 ? " and " + (failures.size() - 1) + " more" : "";
        return first.op().toIpvsadm() + ": "
                + first.error().map(Throwable::getMessage).orElse("failed") + more;
    }

    private static <T> List<T> drain(Queue<T> queue) {
        List<T> drained = new ArrayList<>();
        T item;
        while ((item = queue.poll()) != null) {
            drained.add(item);
        }
        return drained;
    }

    /** Keeps the retired services that could not be deleted, or that are kept for their draining real servers. */
    private void forgetRetired(ReconcileReport report, TableState desired) {
        Set<ServiceKey> stillThere = new HashSet<>();
        desired.services().forEach(service -> stillThere.add(service.key()));
        report.failures().forEach(failure -> {
            if (failure.op() instanceof IpvsOp.DeleteService delete) {
                stillThere.add(delete.key());
            }
        });
        retired.retainAll(stillThere);
    }

    /** The virtual services whose table the failsafe held at the last pass. */
    Map<VirtualServiceKey, FailsafeHold> failsafe() {
        return failsafe;
    }

    /** Tells each hold that is new or changed and each one that ended (under passLock). */
    private void reportFailsafe(Running now, Map<VirtualServiceKey, FailsafeHold> next) {
        Map<VirtualServiceKey, FailsafeHold> previous = failsafe;
        next.forEach((key, hold) -> {
            if (!hold.equals(previous.get(key))) {
                events.failsafeHolds(now, key, hold);
            }
        });
        previous.keySet().stream()
                .filter(key -> !next.containsKey(key))
                .forEach(key -> events.failsafeReleased(now, key));
        failsafe = next;
    }

    private void runFallbackCommands(Running now, Decision decision) {
        for (FallbackCommand command :
                FallbackCommands.changes(now.config(), decision.withoutRealServers(), fallbackRun)) {
            fallbackRun.put(command.virtual(), command.action());
            fallback.run(command);
        }
    }

    /**
     * Deletes the services whose cleanstop is yes (at stop), and those that are kept only for the real
     * servers a reload removed (no later run would know them), logging each operation.
     */
    void removeCleanStopServices(Running now) {
        if (now == null) {
            return;
        }
        Set<ServiceKey> cleanStop = new HashSet<>();
        for (VirtualService virtual : now.config().virtualServices()) {
            if (virtual.cleanStop()) {
                cleanStop.add(IpvsSettings.serviceKey(virtual.key()));
            }
        }
        removedDrains.view().stream()
                .map(drain -> drain.removed().virtual().key())
                .filter(key -> now.config().virtualService(key).isEmpty())
                .forEach(key -> cleanStop.add(IpvsSettings.serviceKey(key)));
        passLock.lock();
        try {
            running = null;
            ReconcileReport report = reconciler.reconcile(TableState.EMPTY, table.services(), cleanStop);
            events.tablePass("stop", now, List.of(), report);
        } catch (IpvsException e) {
            events.tableUnreadable("stop", e);
        } finally {
            passLock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        loop.interrupt();
    }
}
