package io.jdirectord.check;

import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The redirects of one HTTP check, followed as ldirectord's LWP follows them (at most {@value #MAX} hops,
 * 301, 302, 303, 307 and 308, the method kept), but never away from the real server: every hop is fetched
 * over the first target's connection ({@link HttpTarget#redirectedTo}). A Location of another scheme, a
 * redirect without Location, a loop and an eighth redirect end the check with a reason.
 */
final class HttpRedirects {

    /** LWP's default max_redirect. */
    static final int MAX = 7;

    /** The URLs fetched so far; made at the first redirect (most checks see none). */
    private Set<String> visited;

    private HttpTarget current;
    private int hops;

    HttpRedirects(HttpTarget first) {
        this.current = first;
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The target of the latest hop. */
    HttpTarget current() {
        return current;
    }

    /**
     * Moves to the target a redirect names.
     *
     * @throws ProbeException with the reason the check is down when the redirect is not followed
     */
    HttpTarget follow(HttpReply reply) throws ProbeException {
        String status = "HTTP " + reply.status();
        String text = reply.location().orElseThrow(() -> new ProbeException(status + " without a Location header"));
        URI location = resolve(status, text);
        if (!current.scheme().equals(location.getScheme().toLowerCase(Locale.ROOT))) {
            throw new ProbeException(status + " redirects to " + Reasons.excerpt(text) + ", another scheme"
                    + " (redirects are followed on the real server's " + current.scheme() + " port only)");
        }
        if (hops == MAX) {
            throw new ProbeException("too many redirects: " + status + " to " + Reasons.excerpt(text) + " (at most "
                    + MAX + " are followed)");
        }
        if (!visited().add(location.toString())) {
            throw new ProbeException("redirect loop: " + status + " back to " + Reasons.excerpt(text));
        }
        try {
            current = current.redirectedTo(location);
        } catch (UnknownHostException e) {
            throw new ProbeException("cannot resolve " + e.getMessage() + " to follow " + status);
        }
        hops++;
        return current;
    }

    private Set<String> visited() {
        if (visited == null) {
            visited = new HashSet<>();
            try {
                visited.add(current.url().toString());
            } catch (IllegalArgumentException e) {
                // a virtualhost that is no URL authority: a loop back to the first URL is caught one hop later
            }
        }
        return visited;
    }

    /** What a result says about the redirects behind it: empty without any. */
    String suffix() {
        return hops == 0
                ? ""
                : " (after " + hops + (hops == 1 ? " redirect" : " redirects") + ", at "
                        + Reasons.excerpt(current.path()) + ")";
    }

    private URI resolve(String status, String text) throws ProbeException {
        try {
            URI location = current.url().resolve(HttpTarget.escape(text.strip()));
            if (location.getScheme() == null || location.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return location;
        } catch (IllegalArgumentException e) {
            throw new ProbeException(status + " with an invalid Location: " + Reasons.excerpt(text));
        }
    }
}
