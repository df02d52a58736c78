package io.jdirectord.daemon.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders a {@link StatusReport} as text laid out like {@code ipvsadm -Ln}: one line per server (control characters in a reason become '?'). */
public final class StatusText {

    private StatusText() {}

    public static String render(StatusReport report) {
        StringBuilder out = new StringBuilder();
        out.append("jdirectord ")
                .append(report.version())
                .append(", pid ")
                .append(report.pid())
                .append(", config ")
                .append(report.config())
                .append(", up ")
                .append(ago(report.started(), report.now()))
                .append(report.dryRun() ? ", dry run (table in memory)" : "")
                .append('\n');
        report.director()
                .ifPresent(
                        health -> out.append("director ").append(health.line()).append('\n'));
        out.append(String.format("%-5s %-28s %-10s %s%n", "Prot", "LocalAddress:Port", "Scheduler", "Flags"));
        out.append(String.format(
                "  -> %-26s %-7s %-11s %-11s %-10s %s%n",
                "RemoteAddress:Port", "Forward", "Weight cfg/now", "Health", "Changed", "Last check"));
        for (StatusReport.Service service : report.services()) {
            out.append(String.format(
                    "%-5s %-28s %-10s %s%s%n",
                    service.protocol(),
                    service.address(),
                    service.scheduler(),
                    service.flags(),
                    (service.inTable() ? "" : " (not in table)")
                            + (service.removed() ? " (removed by reload, draining)" : "")));
            service.failsafe()
                    .ifPresent(why -> out.append("  failsafe holds the table: ")
                            .append(why)
                            .append('\n'));
            for (StatusReport.Real real : service.reals()) {
                out.append(realLine(real, report.now()));
            }
            service.fallback()
                    .ifPresent(fallback -> out.append(String.format(
                            "  -> %-26s %-7s %-14s %s%n",
                            fallback,
                            "",
                            service.fallbackActive() ? "-/1" : "-/-",
                            service.fallbackActive() ? "fallback active" : "fallback")));
        }
        return out.toString();
    }

    private static String realLine(StatusReport.Real real, Instant now) {
        String weight = real.configuredWeight() + "/"
                + (real.currentWeight().isPresent() ? real.currentWeight().getAsInt() : "-");
        String changed = real.lastChange().map(at -> ago(at, now)).orElse("-");
        return String.format(
                        "  -> %-26s %-7s %-14s %-11s %-10s %s%n",
                        real.address(),
                        real.forwarding(),
                        weight,
                        real.health(),
                        changed,
                        lastCheck(real.lastCheck(), now))
                + shaping(real)
                + real.control()
                        .map(c -> String.format(
                                "     control: %s (%s, %s ago)%n", c.describe(), c.by(), ago(c.since(), now)))
                        .orElse("");
    }

    /** The real server's agent answer and slow-start ramp, on a line of their own; empty when neither. */
    private static String shaping(StatusReport.Real real) {
        List<String> parts = new ArrayList<>();
        real.slowStart().ifPresent(share -> parts.add("slow start " + Math.round(share * 100) + "%"));
        real.agent()
                .ifPresent(agent -> parts.add("agent " + agent.answer()
                        + (agent.description().isEmpty() ? "" : " (" + agent.description() + ")")
                        + (agent.failure().isEmpty() ? "" : ", not answering: " + agent.failure())));
        return parts.isEmpty() ? "" : "       " + String.join("; ", parts).replaceAll("\\p{Cntrl}", "?") + "\n";
    }

    private static String lastCheck(Optional<StatusReport.Check> check, Instant now) {
        return check.map(c -> (c.up() ? "up" : "down") + " " + ago(c.at(), now) + " ago, " + c.elapsedMillis() + " ms: "
                        + c.reason().replaceAll("\\p{Cntrl}", "?"))
                .orElse("not yet");
    }

    /** A short age: 42s, 7m, 3h, 2d. */
    static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m";
        }
        return seconds < 172800 ? seconds / 3600 + "h" : seconds / 86400 + "d";
    }
}
