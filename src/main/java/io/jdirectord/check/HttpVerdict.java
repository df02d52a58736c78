package io.jdirectord.check;

/**
 * How an http or https check judges the final reply, whatever the HTTP version: up on 2xx and, if receive
 * is set, the pattern in the body read; a 3xx (not followed, or followredirects=no) and any other status
 * are down.
 *
 * @param receive         the pattern the body must match; empty for none
 * @param followRedirects whether redirects were followed (a 3xx reaching here then says nothing more)
 */
record HttpVerdict(ReceivePattern receive, boolean followRedirects) {

    /** @param redirects what the reason says about the redirects followed: empty, or " (after 1 redirect, ...)" */
    CheckResult judge(HttpReply reply, Deadline deadline, String redirects) throws ProbeException {
        String status = "HTTP " + reply.status() + redirects;
        if (reply.status() >= 300 && reply.status() < 400) {
            return CheckResult.down(status + (followRedirects ? "" : " (followredirects=no)"));
        }
        if (reply.status() < 200 || reply.status() >= 300) {
            return CheckResult.down(status);
        }
        if (receive.isEmpty()) {
            return CheckResult.up(status);
        }
        if (receive.foundIn(reply.body(), deadline)) {
            return CheckResult.up(status + ", receive pattern " + receive + " found");
        }
        String where = reply.truncated()
                ? "the first " + Reasons.size(reply.bodyBytes()) + " (body truncated)"
                : Reasons.size(reply.bodyBytes());
        return CheckResult.down(status + " but receive pattern " + receive + " not found in " + where);
    }
}
