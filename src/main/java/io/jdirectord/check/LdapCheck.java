package io.jdirectord.check;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import io.jdirectord.check.spec.LdapSpec;
import java.io.IOException;
import java.net.Socket;

/**
 * service = ldap and ldaps (ldaps: TLS from the first byte), as ldirectord's check_ldap: a simple bind
 * with login and passwd when both are set, else an anonymous one; then a base-scope search of the request
 * (without its leading "/") for {@code (objectClass=*)}. Up when exactly one entry comes back and its DN
 * contains the receive pattern (empty receive: any DN). Whole-probe timeout: negotiatetimeout.
 */
public final class LdapCheck extends ConversationCheck {

    private static final String BIND = "LDAP bind";
    private static final String SEARCH = "LDAP search";
    private static final Filter ANY_ENTRY = Filter.createPresenceFilter("objectClass");
    /** Two entries tell "more than one" from "exactly one"; a base search cannot rightly return more. */
    private static final int SIZE_LIMIT = 2;

    private final LdapSpec spec;
    private final ImplicitTlsPlan tls;
    private final String base;
    private final ReceivePattern receive;

    /**
     * @param contexts where the shared TLS set-up for this check's verification setting comes from
     * @throws IllegalArgumentException when ldaps is asked to verify against an unreadable CA file, or the
     *                                  receive is not a regular expression
     */
    public LdapCheck(LdapSpec spec, TlsContexts contexts) {
        super(spec.probe());
        this.spec = spec;
        this.tls = ImplicitTlsPlan.of(spec.implicitTls(), spec.tls(), spec.peerName(), contexts);
        String request = spec.request();
        this.base = request.startsWith("/") ? request.substring(1) : request;
        this.receive = ReceivePattern.of(spec.receive());
    }

    @Override
    CheckResult converse(SocketProbe probe) throws IOException {
        probe.connecting(BIND);
        Socket socket = tls.upgrade(probe, BIND).upgrade(probe.sockets().createSocket(address, port));
        try (LDAPConnection ldap =
                LdapSession.open(socket, probe.remainingMillis(), spec.probe().maxReceiveBytes())) {
            return bindAndSearch(ldap, probe);
        } catch (LDAPException e) {
            return CheckResult.down(
                    LdapSession.failure(e, probe.phase(), spec.probe().maxReceiveBytes()));
        }
    }

    private CheckResult bindAndSearch(LDAPConnection ldap, SocketProbe probe) throws LDAPException {
        boolean authenticated = !spec.login().isEmpty() && !spec.passwd().isEmpty();
        probe.phase(BIND);
        SimpleBindRequest bind =
                authenticated ? new SimpleBindRequest(spec.login(), spec.passwd()) : new SimpleBindRequest();
        bind.setResponseTimeoutMillis(probe.remainingMillis());
        try {
            ldap.bind(bind);
        } catch (LDAPException e) {
            LdapSession.requireServerResult(e);
            return CheckResult.down(
                    (authenticated ? "LDAP bind failed: " : "LDAP anonymous bind failed: ") + LdapSession.describe(e));
        }
        probe.phase(SEARCH);
        return judge(search(ldap, probe), probe.deadline());
    }

    private SearchResult search(LDAPConnection ldap, SocketProbe probe) throws LDAPException {
        SearchRequest request = new SearchRequest(base, SearchScope.BASE, ANY_ENTRY, SearchRequest.NO_ATTRIBUTES);
        request.setSizeLimit(SIZE_LIMIT);
        request.setTimeLimitSeconds(Math.max(1, probe.remainingMillis() / 1000));
        request.setResponseTimeoutMillis(probe.remainingMillis());
        try {
            return ldap.search(request);
        } catch (LDAPSearchException e) {
            LdapSession.requireServerResult(e);
            return e.getSearchResult();
        }
    }

    private CheckResult judge(SearchResult result, Deadline deadline) {
        int entries = result.getEntryCount();
        if (entries > 1) {
            return CheckResult.down("LDAP search returned " + entries + " entries");
        }
        if (entries == 0 || !result.getResultCode().equals(ResultCode.SUCCESS)) {
            String reason = "LDAP search of '" + Reasons.excerpt(base) + "' returned no entry";
            ResultCode code = result.getResultCode();
            return CheckResult.down(
                    code.equals(ResultCode.SUCCESS)
                            ? reason
                            : reason + " (" + code.getName() + ", " + code.intValue() + ")");
        }
        String dn = result.getSearchEntries().get(0).getDN();
        return switch (receive.search(dn, deadline)) {
            case FOUND -> CheckResult.up("LDAP entry '" + Reasons.excerpt(dn) + "'");
            case NOT_FOUND -> CheckResult.down("LDAP DN '" + Reasons.excerpt(dn) + "' does not match " + receive);
            case DEADLINE -> CheckResult.down(Reasons.timeoutIn("receive pattern search", timeout()));
            case TOO_DEEP -> CheckResult.down("receive pattern " + receive + " recursed too deep in the DN");
        };
    }
}
