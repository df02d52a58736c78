package io.jdirectord.check;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http2.H2Error;
import org.apache.hc.core5.http2.config.H2Param;
import org.apache.hc.core5.http2.config.H2Setting;
import org.apache.hc.core5.http2.frame.DefaultFrameFactory;
import org.apache.hc.core5.http2.frame.FrameFactory;
import org.apache.hc.core5.http2.frame.FrameFlag;
import org.apache.hc.core5.http2.frame.FrameType;
import org.apache.hc.core5.http2.frame.RawFrame;
import org.apache.hc.core5.http2.hpack.HPackDecoder;
import org.apache.hc.core5.http2.hpack.HPackEncoder;
import org.apache.hc.core5.http2.impl.io.FrameInputBuffer;
import org.apache.hc.core5.http2.impl.io.FrameOutputBuffer;
import org.apache.hc.core5.util.ByteArrayBuffer;

/**
 * One HTTP/2 request and its response on a connected socket (clear text with prior knowledge, or TLS that
 * negotiated "h2"), on the caller's thread with HttpCore 5's frame codec and HPACK: the client preface and
 * SETTINGS, one stream, and the server's frames until the stream ends or the body passes maxBytes. What
 * the server may send is bounded besides the socket's wire bound and deadline: frames of at most
 * {@value #MAX_FRAME} bytes (SETTINGS_MAX_FRAME_SIZE's default, which the client keeps), a header block
 * (HEADERS and its CONTINUATIONs) of at most {@value #MAX_HEADER_BLOCK} bytes, encoded and decoded, and at
 * most {@value #MAX_OTHER_FRAMES} frames that do not carry the response (SETTINGS, PING, WINDOW_UPDATE,
 * other streams). Not thread-safe; one per connection.
 */
final class H2Stream {

    static final int MAX_FRAME = 16 * 1024;
    static final int MAX_HEADER_BLOCK = 64 * 1024;
    static final int MAX_OTHER_FRAMES = 1000;

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final FrameFactory FRAMES = DefaultFrameFactory.INSTANCE;
    private static final int STREAM = 1;
    private static final int TABLE_SIZE = 4096;

    private final InputStream in;
    private final OutputStream out;
    private final FrameInputBuffer reader = new FrameInputBuffer(MAX_FRAME);
    private final FrameOutputBuffer writer = new FrameOutputBuffer(MAX_FRAME);
    private final HPackDecoder decoder = new HPackDecoder(TABLE_SIZE, StandardCharsets.UTF_8);
    private int otherFrames;

    H2Stream(Socket socket) throws IOException {
        this.in = new BufferedInputStream(socket.getInputStream(), 512);
        this.out = socket.getOutputStream();
        decoder.setMaxListSize(MAX_HEADER_BLOCK);
    }

    /**
     * Sends the connection preface and reads the server's SETTINGS.
     *
     * @throws ProbeException when the server does not answer as an HTTP/2 server
     */
    void start() throws IOException, ProbeException {
        out.write(PREFACE);
        write(FRAMES.createSettings(
                new H2Setting(H2Param.ENABLE_PUSH, 0), new H2Setting(H2Param.MAX_HEADER_LIST_SIZE, MAX_HEADER_BLOCK)));
        out.flush();
        H2Preface.requireHttp2(in);
        RawFrame first = reader.read(in);
        if (!first.isType(FrameType.SETTINGS) || first.isFlagSet(FrameFlag.ACK)) {
            throw new ProbeException("does not speak HTTP/2: its first frame is " + FrameType.toString(first.getType())
                    + ", not SETTINGS");
        }
        write(FRAMES.createSettingsAck());
        out.flush();
    }

    /**
     * Sends a request on the stream (its header block, then {@code body} when not empty) and reads the response.
     *
     * @param headers  the pseudo-headers first, then the others, names in lower case
     * @param maxBytes how much of the response body is kept; reading stops past it
     * @throws ProbeException  when the server resets the stream, goes away or breaks the bounds above
     * @throws HttpException   when a header block cannot be decoded
     */
    H2Response exchange(List<Header> headers, byte[] body, int maxBytes)
            throws IOException, ProbeException, HttpException {
        ByteArrayBuffer block = new ByteArrayBuffer(256);
        new HPackEncoder(0, StandardCharsets.UTF_8).encodeHeaders(block, headers, false);
        if (block.length() > MAX_FRAME) {
            throw new ProbeException("the HTTP/2 request's headers exceed " + Reasons.size(MAX_FRAME));
        }
        write(FRAMES.createHeaders(STREAM, ByteBuffer.wrap(block.array(), 0, block.length()), true, body.length == 0));
        if (body.length > 0) {
            write(FRAMES.createData(STREAM, ByteBuffer.wrap(body), true));
        }
        out.flush();
        return new H2Reading(this, maxBytes).response();
    }

    /** The next frame of the stream: one of {@link #STREAM}'s, after answering any connection frames before it. */
    RawFrame next() throws IOException, ProbeException {
        while (true) {
            RawFrame frame = reader.read(in);
            if (frame.getStreamId() == STREAM) {
                return frame;
            }
            if (frame.getStreamId() == 0) {
                connectionFrame(frame);
            }
            other();
        }
    }

    /** A header block: the fragment of {@code headers} and the CONTINUATION frames after it, decoded. */
    List<Header> headerBlock(RawFrame headers) throws IOException, ProbeException, HttpException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        ByteBuffer fragment = headers.getPayloadContent();
        if (fragment != null && headers.isFlagSet(FrameFlag.PRIORITY)) {
            fragment.position(fragment.position() + 5);
        }
        RawFrame last = headers;
        append(block, fragment);
        while (!last.isFlagSet(FrameFlag.END_HEADERS)) {
            last = next();
            if (!last.isType(FrameType.CONTINUATION)) {
                throw new ProbeException("HTTP/2 protocol error: " + FrameType.toString(last.getType())
                        + " inside a header block (CONTINUATION expected)");
            }
            append(block, last.getPayloadContent());
        }
        return decoder.decodeHeaders(ByteBuffer.wrap(block.toByteArray()));
    }

    /** Grants the server {@code bytes} more of flow-control window, on the connection and the stream. */
    void consumed(int bytes) throws IOException {
        if (bytes > 0) {
            write(FRAMES.createWindowUpdate(0, bytes));
            write(FRAMES.createWindowUpdate(STREAM, bytes));
            out.flush();
        }
    }

    private static void append(ByteArrayOutputStream block, ByteBuffer fragment) throws ProbeException {
        if (fragment == null) {
            return;
        }
        if (block.size() + fragment.remaining() > MAX_HEADER_BLOCK) {
            throw new ProbeException("HTTP/2 header block longer than " + Reasons.size(MAX_HEADER_BLOCK) + ": cut off");
        }
        byte[] bytes = new byte[fragment.remaining()];
        fragment.get(bytes);
        block.writeBytes(bytes);
    }

    private void connectionFrame(RawFrame frame) throws IOException, ProbeException {
        if (frame.isType(FrameType.SETTINGS) && !frame.isFlagSet(FrameFlag.ACK)) {
            write(FRAMES.createSettingsAck());
            out.flush();
        } else if (frame.isType(FrameType.PING) && !frame.isFlagSet(FrameFlag.ACK)) {
            write(FRAMES.createPingAck(frame.getPayloadContent()));
            out.flush();
        } else if (frame.isType(FrameType.GOAWAY)) {
            goAway(frame.getPayloadContent());
        }
    }

    /** A GOAWAY that keeps the stream (NO_ERROR, stream 1 still served) lets the response come. */
    private static void goAway(ByteBuffer payload) throws ProbeException {
        if (payload == null || payload.remaining() < 8) {
            throw new ProbeException("HTTP/2 server went away (GOAWAY)");
        }
        int lastStream = payload.getInt() & 0x7fffffff;
        int code = payload.getInt();
        if (code == H2Error.NO_ERROR.getCode() && lastStream >= STREAM) {
            return;
        }
        byte[] debug = new byte[Math.min(payload.remaining(), 200)];
        payload.get(debug);
        String text = new String(debug, StandardCharsets.UTF_8).strip();
        throw new ProbeException("HTTP/2 server went away (GOAWAY " + errorName(code)
                + (text.isEmpty() ? "" : ": " + Reasons.excerpt(text)) + ")");
    }

    static String errorName(int code) {
        H2Error error = H2Error.getByCode(code);
        return error != null ? error.name() : "error " + code;
    }

    /** Counts a frame that does not carry the response; too many end the probe. */
    void other() throws ProbeException {
        if (++otherFrames > MAX_OTHER_FRAMES) {
            throw new ProbeException("HTTP/2 server sent more than " + MAX_OTHER_FRAMES
                    + " frames (SETTINGS, PING, ...) and not the response: cut off");
        }
    }

    private void write(RawFrame frame) throws IOException {
        writer.write(frame, out);
    }
}
