package io.jdirectord.daemon;

import io.jdirectord.config.Config;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.VirtualService;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.decision.IpvsSettings;
import io.jdirectord.health.HealthEvent;
import io.jdirectord.health.HealthKey;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.OpResult;
import io.jdirectord.ipvs.ServiceKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Failure-log lines for status changes and table operations. A status change is written once per virtual
 * service that sees it, with the operations the same pass made on that real server
 * ({@code action=...}); operations no change claims (fallback in or out, services, drift repairs) get a
 * line of their own.
 */
final class TransitionLines {

    private TransitionLines() {
    }

    /** Logs {@code transition}, taking the operations it caused out of {@code unclaimed}. */
    static void log(FailureLog log, Config config, HealthEvent.Transition transition, List<OpResult> unclaimed) {
        HealthKey key = transition.key();
        for (VirtualService virtual : key.virtualServicesIn(config)) {
            for (RealServer real : virtual.reals()) {
                if (HealthKey.of(virtual, real).equals(key)) {
                    List<OpResult> claimed = claim(unclaimed, IpvsSettings.serviceKey(virtual.key()),
                            IpvsSettings.destinationKey(virtual, real));
                    log.event(EventReporter.lower(transition.to()), fields(virtual, real, transition, claimed));
                }
            }
        }
    }

    private static Map<String, String> fields(VirtualService virtual, RealServer real, HealthEvent.Transition transition,
                                              List<OpResult> claimed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("virtual", virtual.key().id());
        fields.put("real", real.endpoint().toString());
        fields.put("from", EventReporter.lower(transition.from()));
        fields.put("to", EventReporter.lower(transition.to()));
        fields.put("cause", EventReporter.lower(transition.cause()));
        fields.put("reason", transition.reason());
        fields.put("elapsed", EventReporter.millis(transition.elapsed()));
        fields.put("action", claimed.isEmpty() ? "none" : String.join("; ", claimed.stream().map(r -> r.op().toIpvsadm()).toList()));
        failureText(claimed).ifPresent(error -> fields.put("error", error));
        return fields;
    }

    private static List<OpResult> claim(List<OpResult> unclaimed, ServiceKey service, DestinationKey destination) {
        List<OpResult> claimed = new ArrayList<>();
        for (Iterator<OpResult> it = unclaimed.iterator(); it.hasNext(); ) {
            OpResult result = it.next();
            if (concerns(result.op(), service, destination)) {
                it.remove();
                if (result.outcome() != OpResult.Outcome.RETRIED) {
                    claimed.add(result);
                }
            }
        }
        return claimed;
    }

    private static boolean concerns(IpvsOp op, ServiceKey service, DestinationKey destination) {
        return switch (op) {
            case IpvsOp.AddDestination o -> o.service().equals(service) && o.destination().key().equals(destination);
            case IpvsOp.EditDestination o -> o.service().equals(service) && o.destination().key().equals(destination);
            case IpvsOp.DeleteDestination o -> o.service().equals(service) && o.destination().equals(destination);
            default -> false;
        };
    }

    private static Optional<String> failureText(List<OpResult> results) {
        return results.stream().filter(r -> r.outcome() == OpResult.Outcome.FAILED)
                .map(r -> r.error().map(Throwable::getMessage).orElse("refused")).reduce((a, b) -> a + "; " + b);
    }

    /** Logs an operation no status change claimed: {@code table} (or {@code drift} for repairs, {@code table-error} when refused). */
    static void logOperation(FailureLog log, String cause, Config config, OpResult result) {
        if (result.outcome() == OpResult.Outcome.RETRIED || result.outcome() == OpResult.Outcome.ALREADY_DONE) {
            return;
        }
        String what = TableChangeText.of(result.op(), config).map(TableChangeText::message)
                .orElseGet(() -> TableChangeText.unconfigured(result.op()));
        if (result.outcome() == OpResult.Outcome.FAILED) {
            log.event("table-error", "cause", cause, "op", result.op().toIpvsadm(), "change", what,
                    "error", result.error().map(Throwable::getMessage).orElse("refused"));
        } else {
            log.event("repair".equals(cause) ? "drift" : "table", "cause", cause, "op", result.op().toIpvsadm(), "change", what);
        }
    }
}
