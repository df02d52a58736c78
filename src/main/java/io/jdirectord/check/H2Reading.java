package io.jdirectord.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http2.frame.FrameFlag;
import org.apache.hc.core5.http2.frame.FrameType;
import org.apache.hc.core5.http2.frame.RawFrame;

/**
 * The response side of one {@link H2Stream}: interim (1xx) header blocks skipped, the final headers, DATA
 * up to maxBytes (flow-control window granted as it is read), trailers; ends at END_STREAM or when the body
 * passes maxBytes.
 */
final class H2Reading {

    private final H2Stream stream;
    private final int maxBytes;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = -1;
    private List<Header> headers = List.of();

    H2Reading(H2Stream stream, int maxBytes) {
        this.stream = stream;
        this.maxBytes = maxBytes;
    }

    H2Response response() throws IOException, ProbeException, HttpException {
        while (true) {
            RawFrame frame = stream.next();
            Optional<H2Response> response = handle(frame, FrameType.valueOf(frame.getType()));
            if (response.isPresent()) {
                return response.get();
            }
        }
    }

    /** @param type null for a frame type HTTP/2 does not define (ignored, as the protocol says) */
    private Optional<H2Response> handle(RawFrame frame, FrameType type)
            throws IOException, ProbeException, HttpException {
        boolean end = frame.isFlagSet(FrameFlag.END_STREAM);
        return switch (type) {
            case HEADERS -> headerBlock(stream.headerBlock(frame), end);
            case DATA -> dataFrame(frame, end);
            case RST_STREAM -> throw reset(frame.getPayloadContent());
            case CONTINUATION, PUSH_PROMISE -> throw protocolError(type + " without its HEADERS");
            case null, default -> skipped();
        };
    }

    private Optional<H2Response> headerBlock(List<Header> block, boolean end) throws ProbeException {
        if (status >= 0) {
            return Optional.of(trailers(block, end));
        }
        return finalHeaders(block, end) && end ? Optional.of(result(List.of(), false)) : Optional.empty();
    }

    private Optional<H2Response> dataFrame(RawFrame frame, boolean end) throws IOException, ProbeException {
        if (status < 0) {
            throw protocolError("DATA before the response headers");
        }
        boolean truncated = data(frame);
        return truncated || end ? Optional.of(result(List.of(), truncated)) : Optional.empty();
    }

    private Optional<H2Response> skipped() throws ProbeException {
        stream.other();
        return Optional.empty();
    }

    /** @return whether the block held the final status (not an interim 1xx one) */
    private boolean finalHeaders(List<Header> block, boolean end) throws ProbeException {
        int code = statusOf(block);
        if (code >= 100 && code < 200) {
            if (end) {
                throw protocolError("the stream ended with an interim HTTP " + code);
            }
            return false;
        }
        status = code;
        headers = block;
        return true;
    }

    private H2Response trailers(List<Header> block, boolean end) throws ProbeException {
        if (!end) {
            throw protocolError("a header block after the body that does not end the stream");
        }
        return result(block, false);
    }

    /** Keeps the frame's bytes up to maxBytes. @return whether the body went past maxBytes */
    private boolean data(RawFrame frame) throws IOException {
        ByteBuffer content = frame.getPayloadContent();
        int length = content == null ? 0 : content.remaining();
        int keep = Math.min(length, maxBytes - body.size());
        if (keep > 0) {
            byte[] bytes = new byte[keep];
            content.get(bytes);
            body.writeBytes(bytes);
        }
        if (length > keep) {
            return true;
        }
        if (!frame.isFlagSet(FrameFlag.END_STREAM)) {
            stream.consumed(frame.getLength());
        }
        return false;
    }

    private static int statusOf(List<Header> block) throws ProbeException {
        for (Header header : block) {
            if (header.getName().equals(":status")) {
                try {
                    return Integer.parseInt(header.getValue());
                } catch (NumberFormatException e) {
                    throw protocolError("invalid :status " + Reasons.excerpt(header.getValue()));
                }
            }
        }
        throw protocolError("response headers without :status");
    }

    private H2Response result(List<Header> trailers, boolean truncated) {
        return new H2Response(status, headers, body.toByteArray(), truncated, trailers);
    }

    private static ProbeException reset(ByteBuffer payload) {
        int code = payload != null && payload.remaining() >= 4 ? payload.getInt() : -1;
        return new ProbeException("the server reset the HTTP/2 stream (RST_STREAM " + H2Stream.errorName(code) + ")");
    }

    private static ProbeException protocolError(String what) {
        return new ProbeException("HTTP/2 protocol error: " + what);
    }
}
