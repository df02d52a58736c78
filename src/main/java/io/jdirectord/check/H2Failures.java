package io.jdirectord.check;

import java.io.IOException;
import java.time.Duration;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http2.H2ConnectionException;
import org.apache.hc.core5.http2.H2CorruptFrameException;
import org.apache.hc.core5.http2.H2Error;

/** The HTTP/2-specific wording of an exchange that fails; the rest is {@link HttpFailures}' and {@link Reasons}'. */
final class H2Failures {

    private H2Failures() {}

    /** As {@link HttpFailures#describe}, with HttpCore's HTTP/2 codec errors named. */
    static String describe(IOException e, String waitingFor, boolean cutOff, String name, Duration timeout) {
        if (!cutOff && (e instanceof H2ConnectionException || e instanceof H2CorruptFrameException)) {
            boolean size = e instanceof H2ConnectionException h2 && h2.getCode() == H2Error.FRAME_SIZE_ERROR.getCode();
            return "HTTP/2 protocol error: " + Reasons.excerpt(String.valueOf(e.getMessage()))
                    + (size ? " (frames of at most " + Reasons.size(H2Stream.MAX_FRAME) + " are accepted)" : "");
        }
        if (!cutOff && e instanceof ConnectionClosedException) {
            return "connection closed before the end of the HTTP/2 response";
        }
        return HttpFailures.describe(e, waitingFor, cutOff, name, timeout);
    }

    /** A header block HPACK cannot decode, or whose headers exceed the bound. */
    static String invalid(HttpException e) {
        return "HTTP/2 header block rejected: " + Reasons.excerpt(String.valueOf(e.getMessage())) + " (at most "
                + Reasons.size(H2Stream.MAX_HEADER_BLOCK) + ")";
    }
}
