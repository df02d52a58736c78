package io.jdirectord.check;

import io.jdirectord.check.spec.DnsSpec;
import io.jdirectord.check.spec.ExternalSpec;
import io.jdirectord.check.spec.FtpSpec;
import io.jdirectord.check.spec.GrpcSpec;
import io.jdirectord.check.spec.HttpSpec;
import io.jdirectord.check.spec.LdapSpec;
import io.jdirectord.check.spec.MailboxSpec;
import io.jdirectord.check.spec.PingSpec;
import io.jdirectord.check.spec.Probe;
import io.jdirectord.check.spec.RadiusSpec;
import io.jdirectord.check.spec.SimpleTcpSpec;
import io.jdirectord.check.spec.SipSpec;
import io.jdirectord.check.spec.SqlSpec;
import io.jdirectord.check.spec.SshSpec;
import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.HttpVersion;
import io.jdirectord.config.OracleDriverJars;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.ServiceKind;

/**
 * Makes the check for each checktype and service, as ldirectord dispatches them.
 *
 * <p>checktype=on and checktype=off are not probes and have no check: with on the engine keeps the
 * real server up without probing, with off it never changes the real server's state. {@link #create}
 * rejects them; ask {@link #isProbed(CheckType)} first.
 *
 * <p>Each check is given only what it reads: its own record of {@link io.jdirectord.check.spec}, made
 * from the {@link ProbeSpec} by that record's {@code of} (tests make their checks the same way).
 *
 * <p>Holds the TLS set-ups shared by the https, grpcs, pops, imaps and ldaps checks, and the SQL checks' drivers.
 */
public final class StandardCheckFactory implements CheckFactory {

    private final TlsContexts tlsContexts = new TlsContexts();
    private final SqlDrivers sqlDrivers = new SqlDrivers(OracleDriverJars.standard());

    /** Whether real servers with this checktype are probed at all (false for on and off). */
    public static boolean isProbed(CheckType type) {
        return type != CheckType.ON && type != CheckType.OFF;
    }

    /**
     * A validated configuration never meets the rejections below: checktype on/off is not probed (callers
     * ask {@link #isProbed} first), {@link ProbeSpec} gives every external check its virtual service, and
     * a malformed request URL or receive pattern and an unusable CA file are configuration errors. They
     * stay as the invariants of specs built any other way.
     *
     * @throws IllegalArgumentException for checktype on/off, an external check without its virtual
     *                                  service, a malformed request URL or receive pattern, an unusable CA file
     */
    @Override
    public Check create(ProbeSpec spec) {
        CheckSpec check = spec.check();
        return switch (check.type()) {
            case CONNECT -> connect(spec);
            case PING -> ping(spec);
            case NEGOTIATE -> negotiate(spec);
            case COMBINED -> new HybridCheck(check.hybridConnects(), connect(spec), negotiate(spec));
            case EXTERNAL, EXTERNAL_PERL -> new ExternalCheck(ExternalSpec.of(spec));
            case ON, OFF ->
                throw new IllegalArgumentException("checktype " + check.type().ldName()
                        + " is not a probe: the engine keeps the real server's state without a check");
        };
    }

    /** checktype=connect: TCP connect; for a UDP service an ICMP ping, as ldirectord. */
    private Check connect(ProbeSpec spec) {
        return spec.check().protocol() == Protocol.UDP ? ping(spec) : new ConnectCheck(Probe.connect(spec));
    }

    private Check ping(ProbeSpec spec) {
        return new PingCheck(PingSpec.of(spec));
    }

    /** HTTP/1.1 keeps its own check: the HTTP/2 one shares only the judgement of the reply. */
    private Check http(HttpSpec spec) {
        return spec.httpVersion() == HttpVersion.HTTP_2 && spec.service() != ServiceKind.HTTP_PROXY
                ? new Http2Check(spec, tlsContexts)
                : HttpCheck.of(spec, tlsContexts);
    }

    private Check negotiate(ProbeSpec spec) {
        return switch (spec.check().service()) {
            case NONE -> new NoneCheck(spec.check().negotiateTimeout());
            case HTTP, HTTPS, HTTP_PROXY -> http(HttpSpec.of(spec));
            case GRPC, GRPCS -> new GrpcCheck(GrpcSpec.of(spec), tlsContexts);
            case SIMPLETCP -> new SimpleTcpCheck(SimpleTcpSpec.of(spec));
            case NNTP -> new NntpCheck(Probe.negotiate(spec));
            case FTP -> new FtpCheck(FtpSpec.of(spec));
            case SMTP, SUBMISSION -> new SmtpCheck(Probe.negotiate(spec));
            case POP, POPS -> new PopCheck(MailboxSpec.of(spec), tlsContexts);
            case IMAP, IMAPS -> new ImapCheck(MailboxSpec.of(spec), tlsContexts);
            case SSH -> new SshCheck(SshSpec.of(spec));
            case DNS -> new DnsCheck(DnsSpec.of(spec));
            case SIP -> new SipCheck(SipSpec.of(spec));
            case LDAP, LDAPS -> new LdapCheck(LdapSpec.of(spec), tlsContexts);
            case RADIUS -> new RadiusCheck(RadiusSpec.of(spec));
            case MYSQL, PGSQL, ORACLE -> new SqlCheck(SqlSpec.of(spec), sqlDrivers);
        };
    }
}
