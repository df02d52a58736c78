package io.jdirectord.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Combinations inside one virtual service that cannot work (errors) or probably do not do what was meant
 * (warnings).
 */
final class VirtualChecks {

    /** Services whose negotiate check only speaks TCP. */
    static final Set<ServiceKind> TCP_ONLY = EnumSet.of(
            ServiceKind.HTTP,
            ServiceKind.HTTPS,
            ServiceKind.HTTP_PROXY,
            ServiceKind.FTP,
            ServiceKind.GRPC,
            ServiceKind.GRPCS,
            ServiceKind.SMTP,
            ServiceKind.SUBMISSION,
            ServiceKind.POP,
            ServiceKind.POPS,
            ServiceKind.IMAP,
            ServiceKind.IMAPS,
            ServiceKind.NNTP,
            ServiceKind.LDAP,
            ServiceKind.LDAPS,
            ServiceKind.MYSQL,
            ServiceKind.PGSQL,
            ServiceKind.ORACLE,
            ServiceKind.SSH);

    private final Diagnostics diagnostics;

    VirtualChecks(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(VirtualDraft v, VirtualService s) {
        CheckSpec check = s.check();
        boolean negotiates = check.type().negotiates();
        if (check.protocol() == Protocol.UDP && negotiates && TCP_ONLY.contains(check.service())) {
            diagnostics.error(
                    v.lineOf("service"),
                    "a negotiate check of " + check.service().ldName()
                            + " cannot run over udp (" + check.service().ldName() + " is a TCP service);"
                            + " use protocol=tcp, another service, or checktype=connect or ping");
        }
        dnsReceive(v, s);
        httpVersion(v, check);
        if (negotiates && check.service() == ServiceKind.ORACLE) {
            OracleDriverJars.standard().warnWhenMissing(diagnostics, v.lineOf("service"));
        }
        external(v, check);
        new NegotiateRequirements(diagnostics).check(v, s);
        reals(s);
        checkPort(v, s);
        if (v.netmask != null && v.persistent == null) {
            diagnostics.warn(
                    v.lineOf("netmask"), "netmask has no effect without persistent" + " (ldirectord ignores it too)");
        }
        if (s.onePacket() && check.protocol() != Protocol.UDP) {
            diagnostics.warn(
                    v.lineOf("ops"),
                    "ops=yes only applies to udp services; ignored for "
                            + s.key().id());
        }
        if (check.tls().caFile().isPresent() && !check.tls().verify()) {
            diagnostics.warn(v.lineOf("verifycert"), "cacert is not used because verifycert=no");
        }
    }

    /** A dns check with an empty receive (for any real server) reports that server down, as ldirectord's. */
    private void dnsReceive(VirtualDraft v, VirtualService s) {
        if (s.check().type().negotiates()
                && s.check().service() == ServiceKind.DNS
                && s.reals().stream()
                        .anyMatch(real -> s.probeFor(real).check().receive().isEmpty())) {
            diagnostics.warn(
                    v.lineOf("receive"),
                    "service=dns needs receive= (the address or name the answer must"
                            + " hold): without it the real servers are reported down, as in ldirectord");
        }
    }

    /** httpversion=2 is for the http and https checks; http_proxy speaks HTTP/1.1 to its proxy. */
    private void httpVersion(VirtualDraft v, CheckSpec check) {
        if (v.httpVersion != HttpVersion.HTTP_2 || !check.type().negotiates()) {
            return;
        }
        if (check.service() == ServiceKind.HTTP_PROXY) {
            diagnostics.error(
                    v.lineOf("httpversion"),
                    "httpversion=2 is for service http and https; http_proxy speaks HTTP/1.1 to the proxy");
        } else if (check.service() != ServiceKind.HTTP && check.service() != ServiceKind.HTTPS) {
            diagnostics.warn(
                    v.lineOf("httpversion"),
                    "httpversion only applies to service http and https; ignored for service "
                            + check.service().ldName());
        }
    }

    private void external(VirtualDraft v, CheckSpec check) {
        if (check.type() != CheckType.EXTERNAL && check.type() != CheckType.EXTERNAL_PERL) {
            return;
        }
        if (v.checkCommand == null) {
            diagnostics.error(
                    v.lineOf("checktype"),
                    "checktype=" + check.type().ldName() + " needs a checkcommand"
                            + " (ldirectord would run /bin/true and always report the servers up)");
            return;
        }
        if (!check.checkCommand().contains("/")) {
            return;
        }
        Path program = Paths.of(check.checkCommand());
        boolean perl = check.type() == CheckType.EXTERNAL_PERL;
        String problem = !Files.isRegularFile(program)
                ? "does not exist"
                : perl && !Files.isReadable(program)
                        ? "is not readable"
                        : !perl && !Files.isExecutable(program) ? "is not executable" : null;
        if (problem != null) {
            diagnostics.warn(
                    v.lineOf("checkcommand"),
                    "checkcommand " + Texts.quote(check.checkCommand()) + " " + problem + "; the check will fail");
        }
    }

    /** A connect or negotiate check needs checkport=, the real's port or the service's well-known port. */
    private void checkPort(VirtualDraft v, VirtualService s) {
        CheckSpec check = s.check();
        boolean needsPort = check.type() == CheckType.CONNECT && check.protocol() != Protocol.UDP
                || check.type().negotiates() && check.service() != ServiceKind.NONE;
        if (needsPort && s.reals().stream().anyMatch(real -> s.probeFor(real).checkPort() == 0)) {
            diagnostics.warn(
                    v.line,
                    "the " + check.type().ldName() + " check has no port for real servers written"
                            + " without one (service " + check.service().ldName()
                            + " has no well-known port); set checkport=");
        }
    }

    private void reals(VirtualService s) {
        for (RealServer real : s.reals()) {
            if (real.upperThreshold() > 0 && real.lowerThreshold() >= real.upperThreshold()) {
                diagnostics.warn(
                        real.line(),
                        "real server " + real.endpoint() + ": l:" + real.lowerThreshold() + " is not below u:"
                                + real.upperThreshold());
            }
            if (real.port() == 0) {
                continue;
            }
            if (s.key().isFwmark() && real.forwarding() == Forwarding.MASQ) {
                diagnostics.error(
                        real.line(),
                        "masq real server " + real.endpoint() + " on firewall-mark service "
                                + s.key() + ": every marked connection, whatever its port, would be sent to port "
                                + real.port()
                                + " (leave the port out to keep each connection's port; checkport= sets the check port)");
            } else if (!s.key().isFwmark()
                    && real.forwarding() != Forwarding.MASQ
                    && real.port() != s.key().port()) {
                diagnostics.warn(
                        real.line(),
                        "real server " + real.endpoint() + " uses "
                                + real.forwarding().ldName()
                                + ": LVS sends it the traffic on port "
                                + s.key().port() + " (only masq changes the port);"
                                + " port " + real.port() + " is only used for the check");
            }
        }
    }
}
