package io.jdirectord.config;

/**
 * Values a negotiate check cannot do without (ldirectord 4.12: check_sql, check_radius, check_sip): ldirectord
 * refuses a mysql, pgsql or oracle check without login and request, sends a RADIUS Access-Request with whatever
 * login, passwd and secret it has, and asks a SIP server for {@code OPTIONS sip:<login>}. Where the check can never
 * succeed without a value, its absence is an error at load time; an LDAP login without a passwd (or the reverse)
 * only warns, because the check then binds anonymously, as ldirectord's does.
 */
final class NegotiateRequirements {

    private final Diagnostics diagnostics;

    NegotiateRequirements(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(VirtualDraft v, VirtualService s) {
        CheckSpec check = s.check();
        if (!check.type().negotiates()) {
            return;
        }
        String name = "service " + check.service().ldName();
        switch (check.service()) {
            case MYSQL, PGSQL, ORACLE -> sql(v, s, name);
            case RADIUS -> {
                require(v, check.login(), name + " needs login=\"USER\": the User-Name of the" + " Access-Request");
                require(
                        v,
                        check.passwd(),
                        name + " needs passwd=\"PASSWORD\": the User-Password of" + " the Access-Request");
                require(
                        v,
                        check.secret(),
                        name + " needs secret=\"SECRET\": the secret shared with the"
                                + " RADIUS server; without it no server accepts the Access-Request");
            }
            case SIP ->
                require(
                        v,
                        check.login(),
                        name + " needs login=\"USER@HOST\": the check asks"
                                + " OPTIONS sip:<login> (ldirectord sets a default only when service=sip is written, and"
                                + " without a login sends \"OPTIONS sip: SIP/2.0\", which no server answers with 200 OK)");
            case LDAP, LDAPS -> ldapBind(v, check);
            default -> {}
        }
    }

    private void sql(VirtualDraft v, VirtualService s, String name) {
        String refusal = " (ldirectord refuses the check: \"Must specify a login and request string\")";
        require(v, s.check().login(), name + " needs login=\"USER\"" + refusal);
        boolean query = s.reals().isEmpty()
                ? hasQuery(s.check())
                : s.reals().stream().allMatch(real -> hasQuery(s.probeFor(real).check()));
        if (!query) {
            diagnostics.error(
                    v.lineOf("request"),
                    name + " needs request=\"SELECT ...\", the query the check" + " runs" + refusal);
        }
    }

    /** ldirectord's query is the request without its leading "/"; the default request "/" is none. */
    private static boolean hasQuery(CheckSpec check) {
        String request = check.request();
        return !(request.startsWith("/") ? request.substring(1) : request).isBlank();
    }

    private void ldapBind(VirtualDraft v, CheckSpec check) {
        if (check.login().isEmpty() != check.passwd().isEmpty()) {
            String given = check.login().isEmpty() ? "passwd" : "login";
            diagnostics.warn(
                    v.lineOf(given),
                    given + " without " + (given.equals("login") ? "passwd" : "login")
                            + ": the LDAP check binds anonymously (as ldirectord, which binds with both or neither)");
        }
    }

    private void require(VirtualDraft v, String value, String message) {
        if (value.isEmpty()) {
            diagnostics.error(v.lineOf("service"), message);
        }
    }
}
