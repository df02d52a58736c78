package io.jdirectord.daemon.report;

import io.jdirectord.config.Config;
import io.jdirectord.config.Fallback;
import io.jdirectord.config.VirtualService;
import io.jdirectord.daemon.alert.EmailAlerts.Reminder;
import io.jdirectord.decision.IpvsSettings;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.ServiceKey;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * ldirectord's wording for a table change ("Deleted real server: 10.0.0.2:80 (192.0.2.10:80)"), used for
 * e-mail subjects so that mail filters written for ldirectord keep working, and what it means for
 * reminders. A real server a reload removed from the configuration is "Purged" (and no longer reminded
 * about), not "Deleted".
 *
 * @param virtual  the configured virtual service the change belongs to
 * @param realKey  "rip:port (vip:port)", the reminder key; empty for service changes
 * @param message  the sentence
 * @param reminder the effect on reminder mails
 */
record TableChangeText(VirtualService virtual, Optional<String> realKey, String message, Reminder reminder) {

    /** Describes {@code op} against {@code config}; empty when it concerns no configured service. */
    static Optional<TableChangeText> of(IpvsOp op, Config config) {
        return of(op, config, TableChangeText::isConfiguredReal);
    }

    /**
     * Describes {@code op} against {@code config}, asking {@code configured} whether a destination is a
     * configured real server of a virtual service; empty when it concerns no configured service.
     */
    static Optional<TableChangeText> of(
            IpvsOp op, Config config, BiPredicate<VirtualService, DestinationKey> configured) {
        return switch (op) {
            case IpvsOp.AddService o -> service(config, o.service().key(), "Added virtual server: ");
            case IpvsOp.EditService o -> service(config, o.service().key(), "Changed virtual server: ");
            case IpvsOp.DeleteService o -> service(config, o.key(), "Purged virtual server: ");
            case IpvsOp.AddDestination o ->
                destination(
                        config,
                        configured,
                        o.service(),
                        o.destination().key(),
                        o.destination().weight() == 0 ? "Readd Quiescent" : "Added",
                        o.destination().weight());
            case IpvsOp.EditDestination o ->
                destination(
                        config,
                        configured,
                        o.service(),
                        o.destination().key(),
                        o.destination().weight() == 0 ? "Quiescent" : "Restored",
                        o.destination().weight());
            case IpvsOp.DeleteDestination o ->
                destination(config, configured, o.service(), o.destination(), "Deleted", -1);
        };
    }

    /**
     * The wording for an operation on a service the configuration does not name: a service removed by a
     * reload is purged ("Purged virtual server: 192.0.2.11:8080", the fwmark alone for mark services).
     */
    static String unconfigured(IpvsOp op) {
        if (op instanceof IpvsOp.DeleteService delete) {
            ServiceKey key = delete.key();
            return "Purged virtual server: "
                    + (key.isFwmark()
                            ? Integer.toString(key.fwmark())
                            : ServiceKey.hostPort(key.address().orElseThrow(), key.port()));
        }
        return "";
    }

    private static Optional<VirtualService> find(Config config, ServiceKey key) {
        return config.virtualServices().stream()
                .filter(v -> IpvsSettings.serviceKey(v.key()).equals(key))
                .findFirst();
    }

    private static Optional<TableChangeText> service(Config config, ServiceKey key, String verb) {
        return find(config, key).map(v -> new TableChangeText(v, Optional.empty(), verb + v.key(), Reminder.NONE));
    }

    private static Optional<TableChangeText> destination(
            Config config,
            BiPredicate<VirtualService, DestinationKey> configuredReal,
            ServiceKey service,
            DestinationKey destination,
            String verb,
            int weight) {
        return find(config, service).map(virtual -> {
            boolean configured = configuredReal.test(virtual, destination);
            boolean fallback = !configured && isFallback(virtual, destination);
            String effective = "Deleted".equals(verb) && !configured && !fallback ? "Purged" : verb;
            String where = destination + " (" + virtual.key() + ")";
            String message = effective
                    + (fallback ? " fallback server: " : " real server: ")
                    + where
                    + (weight >= 0 ? " (Weight set to " + weight + ")" : "");
            return new TableChangeText(virtual, Optional.of(where), message, reminder(effective, fallback));
        });
    }

    private static boolean isConfiguredReal(VirtualService virtual, DestinationKey destination) {
        return virtual.reals().stream()
                .anyMatch(real -> IpvsSettings.destinationKey(virtual, real).equals(destination));
    }

    private static boolean isFallback(VirtualService virtual, DestinationKey destination) {
        Optional<Fallback> fallback = virtual.fallback();
        return fallback.isPresent() && fallback.get().endpoint().address().equals(destination.address());
    }

    private static Reminder reminder(String verb, boolean fallback) {
        if (fallback) {
            return Reminder.NONE;
        }
        return switch (verb) {
            case "Deleted", "Quiescent", "Readd Quiescent" -> Reminder.ARM;
            default -> Reminder.CLEAR;
        };
    }
}
