package io.jdirectord.daemon.status;

/**
 * A {@link StatusReport} in one line, for systemd's STATUS=:
 * {@code 7 virtual services, 12/15 real servers up, 1 fallback active}. Real servers are counted per
 * virtual service, as listed in the report.
 */
public final class StatusSummary {

    private StatusSummary() {}

    public static String of(StatusReport report) {
        int reals = 0;
        int up = 0;
        int fallbacks = 0;
        for (StatusReport.Service service : report.services()) {
            reals += service.reals().size();
            up += service.realsUp();
            fallbacks += service.fallbackActive() ? 1 : 0;
        }
        int services = report.services().size();
        return services + (services == 1 ? " virtual service, " : " virtual services, ")
                + up + "/" + reals + (reals == 1 ? " real server up" : " real servers up")
                + (fallbacks == 0 ? "" : ", " + fallbacks + (fallbacks == 1 ? " fallback active" : " fallbacks active"))
                + (report.dryRun() ? " (dry run)" : "");
    }
}
