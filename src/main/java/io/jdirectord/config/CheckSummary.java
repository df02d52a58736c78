package io.jdirectord.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The check part of {@link ConfigSummary}: what is probed, where, with which parameters and timing. */
final class CheckSummary {

    private static final Set<ServiceKind> HTTP =
            EnumSet.of(ServiceKind.HTTP, ServiceKind.HTTPS, ServiceKind.HTTP_PROXY);
    /** Services whose negotiate check sends the request and matches the receive string, as in ldirectord. */
    private static final Set<ServiceKind> REQUEST = EnumSet.of(
            ServiceKind.HTTP,
            ServiceKind.HTTPS,
            ServiceKind.HTTP_PROXY,
            ServiceKind.FTP,
            ServiceKind.GRPC,
            ServiceKind.GRPCS,
            ServiceKind.LDAP,
            ServiceKind.LDAPS,
            ServiceKind.DNS,
            ServiceKind.SIMPLETCP,
            ServiceKind.MYSQL,
            ServiceKind.PGSQL,
            ServiceKind.ORACLE);

    private CheckSummary() {}

    static List<String> lines(CheckSpec c, Timing t) {
        List<String> lines = new ArrayList<>();
        lines.add("check " + what(c) + port(c));
        if (c.type().negotiates() && REQUEST.contains(c.service())) {
            lines.add(parameters(c));
        }
        if (c.type().negotiates()) {
            credentials(c).ifPresent(lines::add);
        }
        if (c.tls().verify()) {
            lines.add("tls verify" + c.tls().caFile().map(f -> ", cacert " + f).orElse(", system trust store"));
        }
        c.tls().clientCertificate().ifPresent(client -> lines.add("tls " + client));
        extras(c).ifPresent(lines::add);
        lines.add("checktimeout " + ConfigSummary.seconds(c.checkTimeout()) + ", negotiatetimeout "
                + ConfigSummary.seconds(c.negotiateTimeout()) + ", checkinterval "
                + ConfigSummary.seconds(t.checkInterval()) + ", failurecount " + t.failureCount() + ", risecount "
                + t.riseCount());
        return lines;
    }

    private static String what(CheckSpec c) {
        String over = " over " + c.protocol().ldName();
        return switch (c.type()) {
            case NEGOTIATE -> "negotiate " + c.service().ldName() + over;
            case COMBINED ->
                "combined " + c.hybridConnects() + " " + c.service().ldName() + over;
            case CONNECT -> c.protocol() == Protocol.UDP ? "connect (ping, the service is udp)" : "connect";
            case PING -> "ping, checkcount " + c.checkCount();
            case EXTERNAL, EXTERNAL_PERL -> c.type().ldName() + " " + c.checkCommand();
            case ON, OFF -> c.type().ldName();
        };
    }

    private static String port(CheckSpec c) {
        boolean probesPort = c.type().negotiates() || c.type() == CheckType.CONNECT && c.protocol() != Protocol.UDP;
        if (!probesPort) {
            return "";
        }
        if (c.checkPort().isPresent()) {
            return ", port " + c.checkPort().getAsInt() + " (checkport)";
        }
        int fallback = c.service().wellKnownPort();
        return ", port of each real" + (fallback > 0 ? " (" + fallback + " when it has none)" : "");
    }

    private static String parameters(CheckSpec c) {
        String text = "request " + ConfigSummary.quote(c.request()) + ", receive "
                + (c.receive().isEmpty() ? "any" : ConfigSummary.quote(c.receive()));
        if (HTTP.contains(c.service())) {
            text += ", httpmethod " + c.httpMethod()
                    + (c.httpVersion() == HttpVersion.HTTP_1_1
                            ? ""
                            : ", httpversion " + c.httpVersion().text())
                    + c.virtualHost().map(h -> ", virtualhost " + h).orElse("");
        }
        return text;
    }

    private static Optional<String> credentials(CheckSpec c) {
        List<String> parts = new ArrayList<>();
        if (!c.login().isEmpty()) {
            parts.add("login " + ConfigSummary.quote(c.login()));
        }
        if (!c.passwd().isEmpty()) {
            parts.add("passwd (set)");
        }
        if (!c.database().isEmpty()) {
            parts.add("database " + ConfigSummary.quote(c.database()));
        }
        if (!c.secret().isEmpty()) {
            parts.add("secret (set)");
        }
        c.sshKey().ifPresent(k -> parts.add("sshkey " + k));
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }

    private static Optional<String> extras(CheckSpec c) {
        List<String> parts = new ArrayList<>();
        if (c.maxReceiveBytes() != CheckSpec.DEFAULT_MAX_RECEIVE_BYTES) {
            parts.add("maxreceive " + c.maxReceiveBytes());
        }
        if (c.dynamicWeight()) {
            parts.add("dynamicweight yes");
        }
        if (!c.followRedirects()) {
            parts.add("followredirects no");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }
}
