package io.jdirectord.check.testing;

import io.jdirectord.check.testing.ScriptedServer.Script;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http2.hpack.HPackEncoder;
import org.apache.hc.core5.util.ByteArrayBuffer;

/**
 * HTTP/2 frames written by hand, for {@link ScriptedServer} scripts that play an HTTP/2 server (well or
 * badly): the client's preface is read and dropped, then the script's frames are sent.
 */
public final class H2Frames {

    public static final int DATA = 0;
    public static final int HEADERS = 1;
    public static final int RST_STREAM = 3;
    public static final int SETTINGS = 4;
    public static final int CONTINUATION = 9;
    public static final int END_STREAM = 1;
    public static final int END_HEADERS = 4;

    private static final int PREFACE = 24;
    private static final ScheduledExecutorService PACER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "h2-frames-pacer");
        thread.setDaemon(true);
        return thread;
    });

    private H2Frames() {}

    /** One frame: 9-byte header and payload. */
    public static byte[] frame(int type, int flags, int stream, byte[] payload) {
        return ByteBuffer.allocate(9 + payload.length)
                .put((byte) (payload.length >>> 16))
                .put((byte) (payload.length >>> 8))
                .put((byte) payload.length)
                .put((byte) type)
                .put((byte) flags)
                .putInt(stream)
                .put(payload)
                .array();
    }

    /** An empty SETTINGS frame: the server's preface. */
    public static byte[] settings() {
        return frame(SETTINGS, 0, 0, new byte[0]);
    }

    /** HPACK-encoded headers, "name", "value" pairs. */
    public static byte[] block(String... namesAndValues) {
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(new BasicHeader(namesAndValues[i], namesAndValues[i + 1]));
        }
        ByteArrayBuffer buffer = new ByteArrayBuffer(256);
        try {
            new HPackEncoder(0, StandardCharsets.UTF_8).encodeHeaders(buffer, headers, false);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        byte[] bytes = new byte[buffer.length()];
        System.arraycopy(buffer.array(), 0, bytes, 0, bytes.length);
        return bytes;
    }

    /**
     * A header block that HPACK's dynamic table makes small on the wire and large decoded: {@code header}
     * (name, value) indexed once, then referenced {@code times} times.
     */
    public static byte[] inflating(String name, String value, int times) {
        List<Header> headers = new ArrayList<>();
        headers.add(new BasicHeader(":status", "200"));
        for (int i = 0; i < times; i++) {
            headers.add(new BasicHeader(name, value));
        }
        ByteArrayBuffer buffer = new ByteArrayBuffer(8192);
        try {
            new HPackEncoder(4096, StandardCharsets.UTF_8).encodeHeaders(buffer, headers, false);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        byte[] bytes = new byte[buffer.length()];
        System.arraycopy(buffer.array(), 0, bytes, 0, bytes.length);
        return bytes;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Reads the client's preface, drains the rest in the background, sends {@code bytes} and holds. */
    public static Script answer(byte[] bytes) {
        return connection -> {
            readPreface(connection.in());
            connection.out().write(bytes);
            connection.out().flush();
        };
    }

    /** After {@code start}, sends {@code repeated} again and again until the client goes. */
    public static Script endless(byte[] start, byte[] repeated) {
        return connection -> {
            readPreface(connection.in());
            OutputStream out = connection.out();
            out.write(start);
            while (true) {
                out.write(repeated);
            }
        };
    }

    /** After {@code start}, one byte of {@code trickled} per {@code interval} until the client goes. */
    public static Script trickle(byte[] start, byte trickled, Duration interval) {
        return connection -> {
            readPreface(connection.in());
            OutputStream out = connection.out();
            out.write(start);
            out.flush();
            AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
            task.set(PACER.scheduleAtFixedRate(
                    () -> {
                        try {
                            out.write(trickled);
                            out.flush();
                        } catch (IOException closed) {
                            task.get().cancel(false);
                        }
                    },
                    interval.toNanos(),
                    interval.toNanos(),
                    TimeUnit.NANOSECONDS));
        };
    }

    private static void readPreface(InputStream in) throws IOException {
        in.readNBytes(PREFACE);
        Thread.ofVirtual().name("h2-frames-drain").start(() -> {
            try {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException closed) {
                // the client went away
            }
        });
    }
}
