package io.jdirectord.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The normalised, deterministic description of a {@link Config} that {@code jdirectord -t} prints: the global
 * settings, then per virtual service its scheduling, check, timing, fallback and real servers, then the totals.
 * Passwords and secrets are never printed.
 */
public final class ConfigSummary {

    private ConfigSummary() {}

    public static String format(Config config) {
        StringBuilder out = new StringBuilder();
        global(out, config.globals());
        int reals = 0;
        for (VirtualService service : config.virtualServices()) {
            virtual(out, service);
            reals += service.reals().size();
        }
        int services = config.virtualServices().size();
        out.append(services)
                .append(services == 1 ? " virtual service, " : " virtual services, ")
                .append(reals)
                .append(reals == 1 ? " real server" : " real servers")
                .append('\n');
        return out.toString();
    }

    private static void global(StringBuilder out, GlobalSettings g) {
        out.append("global\n");
        line(
                out,
                "checkinterval " + seconds(g.checkInterval()) + ", repairinterval "
                        + (g.repairInterval().isZero() ? "never" : seconds(g.repairInterval())));
        line(
                out,
                "logfile "
                        + switch (g.logTarget()) {
                            case LogTarget.File file -> file.path().toString();
                            case LogTarget.Syslog syslog -> "syslog " + syslog.facility();
                        });
        line(
                out,
                "autoreload " + yesNo(g.autoreload()) + ", readdquiescent " + yesNo(g.readdQuiescent())
                        + ", supervised " + yesNo(g.supervised()) + ", fork " + yesNo(g.fork()));
        g.callback().ifPresent(c -> line(out, "callback " + c));
        g.maintenanceDir().ifPresent(d -> line(out, "maintenancedir " + d));
        g.execute().forEach(e -> line(out, "execute " + e));
        g.syncDaemons()
                .forEach(s -> line(
                        out, "syncdaemon " + s.state().ldName() + " " + s.interfaceName() + " syncid " + s.syncId()));
        g.ipvsTimeouts()
                .ifPresent(t -> line(
                        out,
                        "ipvstimeouts tcp " + seconds(t.tcp()) + ", tcpfin " + seconds(t.tcpFin()) + ", udp "
                                + seconds(t.udp())));
        g.statusAddress().ifPresent(a -> line(out, "statusaddress " + new Endpoint(a.getAddress(), a.getPort())));
        g.trackFile().ifPresent(f -> line(out, "trackfile " + f));
    }

    private static void virtual(StringBuilder out, VirtualService s) {
        out.append("virtual ").append(s.key().id()).append('\n');
        line(
                out,
                "scheduler " + s.scheduler()
                        + s.persistence()
                                .map(p -> persistence(p, s.key().family()))
                                .orElse("")
                        + s.schedFlags().map(f -> ", schedflags " + f).orElse("") + (s.onePacket() ? ", ops" : ""));
        CheckSummary.lines(s.check(), s.timing()).forEach(l -> line(out, l));
        line(
                out,
                "fallback "
                        + s.fallback()
                                .map(f -> f.endpoint() + " " + f.forwarding().ldName())
                                .orElse("none")
                        + s.fallbackCommand().map(c -> ", fallbackcommand " + c).orElse(""));
        line(
                out,
                "quiescent " + yesNo(s.quiescent()) + ", cleanstop " + yesNo(s.cleanStop())
                        + s.drainTime().map(t -> ", draintime " + t.toSeconds()).orElse(""));
        safeguards(s.safeguards()).ifPresent(text -> line(out, text));
        EmailAlert mail = s.emailAlert();
        if (mail.enabled()) {
            line(
                    out,
                    "emailalert " + mail.recipients() + ", emailalertfreq " + mail.frequency() + ", emailalertstatus "
                            + statuses(mail)
                            + mail.smtpServer().map(h -> ", smtp " + h).orElse(""));
        }
        s.monitorFile().ifPresent(f -> line(out, "monitorfile " + f));
        s.serviceName().ifPresent(n -> line(out, "servicename " + n));
        s.reals().forEach(r -> line(out, real(r)));
    }

    /** failsafe, quorum and hysteresis when any differs from its default. */
    private static Optional<String> safeguards(Safeguards g) {
        if (g.equals(Safeguards.NONE)) {
            return Optional.empty();
        }
        String failsafe = g.failsafe().isPresent() ? g.failsafe().getAsInt() + "%" : "off";
        return Optional.of("failsafe " + failsafe + ", quorum " + g.quorum() + ", hysteresis " + g.hysteresis());
    }

    private static String persistence(Persistence p, Family family) {
        String netmask = p.netmask().isEmpty()
                ? ""
                : family == Family.INET
                        ? " netmask " + Netmasks.ipv4Text(p.netmask().getAsInt())
                        : " netmask /" + p.netmask().getAsInt();
        return ", persistent " + p.timeoutSeconds() + "s" + netmask;
    }

    private static String statuses(EmailAlert mail) {
        if (mail.statuses().size() == DaemonStatus.values().length) {
            return "all";
        }
        return mail.statuses().isEmpty()
                ? "none"
                : mail.statuses().stream()
                        .sorted()
                        .map(st -> st.name().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(","));
    }

    private static String real(RealServer r) {
        return "real " + r.endpoint() + " " + r.forwarding().ldName() + " weight " + r.weight()
                + (r.lowerThreshold() > 0 ? " l:" + r.lowerThreshold() : "")
                + (r.upperThreshold() > 0 ? " u:" + r.upperThreshold() : "")
                + r.request().map(q -> " request " + quote(q)).orElse("")
                + r.receive().map(q -> " receive " + quote(q)).orElse("");
    }

    static void line(StringBuilder out, String text) {
        out.append("  ").append(text).append('\n');
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** Seconds without trailing zeros: {@code 10s}, {@code 0.5s}. */
    static String seconds(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
        return seconds.stripTrailingZeros().toPlainString() + "s";
    }

    /** Double-quoted, with backslash, quote and control characters escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
