package io.jdirectord.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

/** Wording shared by the checks' reasons: sizes, excerpts of what a server sent, connect failures. */
final class Reasons {

    private static final int EXCERPT_CHARS = 60;

    private Reasons() {
    }

    /** "512 B", "1.2 KiB", "50.0 MiB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    /** Server text made safe for a log line: control characters as '?', at most 60 characters. */
    static String excerpt(CharSequence text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < EXCERPT_CHARS; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return text.length() > EXCERPT_CHARS ? out + "..." : out.toString();
    }

    /** Why a TCP connect failed, for a check whose whole-probe timeout is {@code timeout}. */
    static String connectFailure(IOException e, boolean cutOff, Duration timeout) {
        if (cutOff || e instanceof SocketTimeoutException) {
            return "connect timeout after " + millis(timeout);
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof PortUnreachableException) {
            return "port unreachable";
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof ConnectException && message.contains("refused")) {
            return "connection refused";
        }
        if (message.contains("network is unreachable")) {
            return "network unreachable";
        }
        return "connect failed: " + CheckRunner.describe(e);
    }

    /** Why an exchange on an open connection failed; {@code cutOff} when the deadline closed it. */
    static String exchangeFailure(IOException e, boolean cutOff, Duration timeout, String waitingFor) {
        if (cutOff || e instanceof SocketTimeoutException) {
            return "timeout after " + millis(timeout) + " waiting for " + waitingFor;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("reset")) {
            return "connection reset waiting for " + waitingFor;
        }
        if (e instanceof PortUnreachableException) {
            return "port unreachable";
        }
        return CheckRunner.describe(e) + " waiting for " + waitingFor;
    }
}
