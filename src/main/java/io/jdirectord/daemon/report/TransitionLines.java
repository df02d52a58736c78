package io.jdirectord.daemon.report;

import io.jdirectord.config.Config;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.decision.IpvsSettings;
import io.jdirectord.engine.ProbeIndex;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.OpResult;
import io.jdirectord.ipvs.ServiceKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Failure-log lines for status changes and table operations. A status change is written once per virtual
 * service that sees it, with the operations the same pass made on that real server
 * ({@code action=...}); operations no change claims (fallback in or out, services, drift repairs) get a
 * line of their own.
 */
final class TransitionLines {

    private TransitionLines() {}

    /**
     * Logs {@code transition} once per virtual service that sees it, taking the operations it caused out
     * of {@code unclaimed}. Costs the uses of one probe, so a pass with 10,000 transitions stays linear.
     */
    static void log(FailureLog log, ProbeIndex index, HealthEvent.Transition transition, Unclaimed unclaimed) {
        for (ProbeIndex.Use use : index.usesOf(transition.key())) {
            List<OpResult> claimed = unclaimed.claim(
                    IpvsSettings.serviceKey(use.virtual().key()),
                    IpvsSettings.destinationKey(use.virtual(), use.real()));
            log.event(EventReporter.lower(transition.to()), fields(use.virtual(), use.real(), transition, claimed));
        }
    }

    private static Map<String, String> fields(
            VirtualService virtual, RealServer real, HealthEvent.Transition transition, List<OpResult> claimed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("virtual", virtual.key().id());
        fields.put("real", real.endpoint().toString());
        fields.put("from", EventReporter.lower(transition.from()));
        fields.put("to", EventReporter.lower(transition.to()));
        fields.put("cause", EventReporter.lower(transition.cause()));
        fields.put("reason", transition.reason());
        fields.put("elapsed", EventReporter.millis(transition.elapsed()));
        fields.put(
                "action",
                claimed.isEmpty()
                        ? "none"
                        : String.join(
                                "; ",
                                claimed.stream().map(r -> r.op().toIpvsadm()).toList()));
        failureText(claimed).ifPresent(error -> fields.put("error", error));
        return fields;
    }

    /** The operations of a pass not yet logged with a transition, indexed by the destination they touch. */
    static final class Unclaimed {

        private record Target(ServiceKey service, DestinationKey destination) {}

        private final List<OpResult> all;
        private final Map<Target, List<OpResult>> byTarget = new HashMap<>();
        private final Set<OpResult> claimed = Collections.newSetFromMap(new IdentityHashMap<>());

        Unclaimed(List<OpResult> results) {
            this.all = results;
            for (OpResult result : results) {
                target(result.op())
                        .ifPresent(t -> byTarget.computeIfAbsent(t, k -> new ArrayList<>())
                                .add(result));
            }
        }

        /** Takes the operations on {@code destination} of {@code service}; returns those to log (not retries). */
        List<OpResult> claim(ServiceKey service, DestinationKey destination) {
            List<OpResult> taken = byTarget.remove(new Target(service, destination));
            if (taken == null) {
                return List.of();
            }
            claimed.addAll(taken);
            return taken.stream()
                    .filter(r -> r.outcome() != OpResult.Outcome.RETRIED)
                    .toList();
        }

        /** The operations nobody claimed, in the order they were applied. */
        List<OpResult> rest() {
            return all.stream().filter(r -> !claimed.contains(r)).toList();
        }

        private static Optional<Target> target(IpvsOp op) {
            return switch (op) {
                case IpvsOp.AddDestination o ->
                    Optional.of(new Target(o.service(), o.destination().key()));
                case IpvsOp.EditDestination o ->
                    Optional.of(new Target(o.service(), o.destination().key()));
                case IpvsOp.DeleteDestination o -> Optional.of(new Target(o.service(), o.destination()));
                default -> Optional.empty();
            };
        }
    }

    private static Optional<String> failureText(List<OpResult> results) {
        return results.stream()
                .filter(r -> r.outcome() == OpResult.Outcome.FAILED)
                .map(r -> r.error().map(Throwable::getMessage).orElse("refused"))
                .reduce((a, b) -> a + "; " + b);
    }

    /** Logs an operation no status change claimed: {@code table} (or {@code drift} for repairs, {@code table-error} when refused). */
    static void logOperation(FailureLog log, String cause, Config config, OpResult result) {
        if (result.outcome() == OpResult.Outcome.RETRIED || result.outcome() == OpResult.Outcome.ALREADY_DONE) {
            return;
        }
        String what = TableChangeText.of(result.op(), config)
                .map(TableChangeText::message)
                .orElseGet(() -> TableChangeText.unconfigured(result.op()));
        if (result.outcome() == OpResult.Outcome.FAILED) {
            log.event(
                    "table-error",
                    "cause",
                    cause,
                    "op",
                    result.op().toIpvsadm(),
                    "change",
                    what,
                    "error",
                    result.error().map(Throwable::getMessage).orElse("refused"));
        } else {
            log.event(
                    "repair".equals(cause) ? "drift" : "table",
                    "cause",
                    cause,
                    "op",
                    result.op().toIpvsadm(),
                    "change",
                    what);
        }
    }
}
