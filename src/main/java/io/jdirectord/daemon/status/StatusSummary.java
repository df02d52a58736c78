package io.jdirectord.daemon.status;

/**
 * A {@link StatusReport} in one line, for systemd's STATUS=:
 * {@code 7 virtual services, 12/15 real servers up, 1 fallback active, 2 removed draining}. Real servers
 * are counted per virtual service, as listed in the report; the services and real servers a reload removed
 * are counted only as draining.
 */
public final class StatusSummary {

    private StatusSummary() {}

    public static String of(StatusReport report) {
        int reals = 0;
        int up = 0;
        int fallbacks = 0;
        int draining = 0;
        int services = 0;
        for (StatusReport.Service service : report.services()) {
            int removed = (int)
                    service.reals().stream().filter(StatusReport.Real::removed).count();
            reals += service.reals().size() - removed;
            draining += removed;
            up += service.realsUp();
            fallbacks += service.fallbackActive() ? 1 : 0;
            services += service.removed() ? 0 : 1;
        }
        return services + (services == 1 ? " virtual service, " : " virtual services, ")
                + up + "/" + reals + (reals == 1 ? " real server up" : " real servers up")
                + (fallbacks == 0 ? "" : ", " + fallbacks + (fallbacks == 1 ? " fallback active" : " fallbacks active"))
                + (draining == 0 ? "" : ", " + draining + " removed draining")
                + (report.dryRun() ? " (dry run)" : "");
    }
}
