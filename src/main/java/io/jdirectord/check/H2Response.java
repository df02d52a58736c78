package io.jdirectord.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.core5.http.Header;

/**
 * An HTTP/2 response as far as it was read: the final status, its headers, the first maxBytes of the body
 * and the trailers (the header block after the body, where gRPC puts its status).
 *
 * {@link #truncated()} tells whether the body went on past maxBytes (the rest was not read).
 */
final class H2Response {

    private final int status;
    private final List<Header> headers;
    private final byte[] body;
    private final boolean truncated;
    private final List<Header> trailers;

    H2Response(int status, List<Header> headers, byte[] body, boolean truncated, List<Header> trailers) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.truncated = truncated;
        this.trailers = trailers;
    }

    int status() {
        return status;
    }

    /** The bytes read of the body (the caller's to keep: not copied). */
    byte[] body() {
        return body;
    }

    boolean truncated() {
        return truncated;
    }

    /** The first header of that name (HTTP/2 names are lower case), looked for in the headers, then the trailers. */
    Optional<String> header(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return first(headers, lower).or(() -> first(trailers, lower));
    }

    private static Optional<String> first(List<Header> list, String name) {
        return list.stream()
                .filter(h -> h.getName().equals(name))
                .map(Header::getValue)
                .findFirst();
    }
}
