package io.jdirectord.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Splits a byte stream into lines (LF, CR LF; the terminator is dropped) decoded as UTF-8, invalid
 * bytes replaced. Reads through a {@link BoundedInput}, so the total is bounded; a final line without
 * terminator is returned as a line.
 */
final class LineReader {

    private final BoundedInput in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int end;

    LineReader(InputStream in, int maxBytes) {
        this.in = new BoundedInput(in, maxBytes);
    }

    /** The next line; empty at end of stream or once the byte limit is reached. */
    Optional<String> next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (position == end && !fill()) {
                return line.size() == 0 ? Optional.empty() : Optional.of(decode(line));
            }
            byte b = buffer[position++];
            if (b == '\n') {
                return Optional.of(decode(line));
            }
            line.write(b);
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        end = Math.max(n, 0);
        return n > 0;
    }

    private static String decode(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    long bytesRead() {
        return in.count();
    }

    boolean truncated() {
        return in.truncated();
    }
}
