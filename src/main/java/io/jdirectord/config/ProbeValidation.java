package io.jdirectord.config;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Rejects, at the line of the directive, what would make the check of a real server impossible to build
 * at run time (an invalid receive or request URL, an sshkey without a login), so that {@code -t}, start and
 * reload refuse the same files; and warns of receives that need the backtracking matcher.
 */
final class ProbeValidation {

    private final Diagnostics diagnostics;

    ProbeValidation(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(VirtualDraft v, VirtualService s) {
        CheckSpec check = s.check();
        if (!check.type().negotiates()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        receive(v.lineOf("receive"), check.receive(), seen);
        request(v.lineOf("request"), check.request(), check.service());
        for (RealServer real : s.reals()) {
            real.receive().ifPresent(receive -> receive(real.line(), receive, seen));
            real.request().ifPresent(request -> request(real.line(), request, check.service()));
        }
        if (check.service() == ServiceKind.SSH
                && check.sshKey().isPresent()
                && check.login().isEmpty()) {
            diagnostics.error(v.lineOf("sshkey"), "sshkey needs a login to log in with (login=)");
        }
    }

    private void receive(int line, String receive, Set<String> seen) {
        if (receive.isEmpty() || !seen.add(receive)) {
            return;
        }
        Optional<String> error = ReceiveSyntax.error(receive);
        if (error.isPresent()) {
            diagnostics.error(line, error.get());
        } else if (!ReceiveSyntax.linear(receive)) {
            diagnostics.warn(
                    line,
                    "receive " + Texts.quote(receive) + " uses $, a back-reference, lookaround or"
                            + " another backtracking construct: it is searched by the backtracking matcher, which a reply"
                            + " can keep busy until the check's timeout (see receive in /usr/share/doc/jdirectord/checks.md)");
        }
    }

    private void request(int line, String request, ServiceKind service) {
        if (service != ServiceKind.HTTP && service != ServiceKind.HTTPS && service != ServiceKind.HTTP_PROXY) {
            return;
        }
        try {
            RequestUrl.absolute(request, service);
        } catch (IllegalArgumentException e) {
            diagnostics.error(line, e.getMessage());
        }
    }
}
