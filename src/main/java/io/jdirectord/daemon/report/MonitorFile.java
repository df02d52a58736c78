package io.jdirectord.daemon.report;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.RealServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A virtual service's {@code monitorfile}: one line per check result, in ldirectord's format
 * {@code [Sat Nov 21 05:43:08 2026] [4331] negotiate http tcp 127.0.0.3 8083 1 masq /index.html Test Page [down] reason},
 * where {@code % | CR LF} in the reason are escaped as {@code %25 %7c %0d %0a}.
 */
public final class MonitorFile {

    private static final DateTimeFormatter PERL_LOCALTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private final Path path;
    private final ReentrantLock lock = new ReentrantLock();

    public MonitorFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Appends one line; opens and closes the file each time so that it can be rotated. */
    public void record(ZonedDateTime time, ProbeSpec probe, RealServer real, boolean up, String reason)
            throws IOException {
        String line = "[" + PERL_LOCALTIME.format(time) + "] ["
                + ProcessHandle.current().pid() + "] " + realId(probe, real) + " [" + (up ? "up" : "down") + "] "
                + escape(reason) + "\n";
        lock.lock();
        try {
            Files.writeString(path, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } finally {
            lock.unlock();
        }
    }

    /** ldirectord's real_id with its ':' runs squeezed to one space. */
    static String realId(ProbeSpec probe, RealServer real) {
        CheckSpec check = probe.check();
        String kind = switch (check.type()) {
            case NEGOTIATE -> "negotiate " + check.service().ldName();
            case COMBINED -> "combined " + check.service().ldName();
            case EXTERNAL, EXTERNAL_PERL -> check.type().ldName() + " " + check.checkCommand();
            default -> check.type().ldName();
        };
        String checkPort = check.checkPort().isPresent()
                ? Integer.toString(check.checkPort().getAsInt())
                : "";
        String[] parts = {
            kind,
            check.protocol().ldName(),
            io.jdirectord.net.AddressText.of(real.address()),
            Integer.toString(real.port()),
            check.virtualHost().orElse(""),
            checkPort,
            Integer.toString(real.weight()),
            real.forwarding().ldName(),
            check.type() == CheckType.NEGOTIATE || check.type() == CheckType.COMBINED ? check.request() : "",
            check.type() == CheckType.NEGOTIATE || check.type() == CheckType.COMBINED ? check.receive() : ""
        };
        StringBuilder id = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty()) {
                id.append(id.length() == 0 ? "" : " ").append(part);
            }
        }
        return id.toString();
    }

    static String escape(String reason) {
        return reason.replace("%", "%25")
                .replace("|", "%7c")
                .replace("\r", "%0d")
                .replace("\n", "%0a");
    }
}
