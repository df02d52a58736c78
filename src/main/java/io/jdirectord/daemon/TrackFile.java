package io.jdirectord.daemon;

import io.jdirectord.config.Config;
import io.jdirectord.config.DaemonStatus;
import io.jdirectord.daemon.observe.MonitorObserver;
import io.jdirectord.engine.DirectorHealth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The file of the {@code trackfile} directive: the director's health as the one number keepalived's
 * {@code track_file} reads ({@link DirectorHealth#trackValue}), followed by a newline. Replaced atomically
 * (written beside it, then renamed over it) and only when the number changes; from the stop on it says
 * unhealthy. A reload that moves or removes the directive leaves the old file as it is. A failed write is
 * reported to {@code errors} (file, reason) once, until a write succeeds. Thread-safe.
 */
final class TrackFile implements MonitorObserver {

    private final BiConsumer<Path, String> errors;
    private Optional<Path> file = Optional.empty();
    private Optional<Integer> written = Optional.empty();
    private boolean stopping;
    private boolean failing;

    TrackFile(BiConsumer<Path, String> errors) {
        this.errors = errors;
    }

    @Override
    public synchronized void configApplied(Config config) {
        if (!config.globals().trackFile().equals(file)) {
            file = config.globals().trackFile();
            written = Optional.empty();
        }
    }

    @Override
    public synchronized void daemonStatus(DaemonStatus status) {
        if (status == DaemonStatus.STOPPING) {
            stopping = true;
            write(DirectorHealth.UNHEALTHY_TRACK_VALUE);
        }
    }

    /** Whether a trackfile is configured: without one there is nothing to keep. */
    synchronized boolean configured() {
        return file.isPresent();
    }

    /** Brings the file in line with {@code health} (once stopping, it stays unhealthy). */
    synchronized void refresh(DirectorHealth health) {
        write(stopping ? DirectorHealth.UNHEALTHY_TRACK_VALUE : health.trackValue());
    }

    private void write(int value) {
        if (file.isEmpty() || written.equals(Optional.of(value))) {
            return;
        }
        Path target = file.get();
        Path temporary = target.resolveSibling("." + target.getFileName() + ".new");
        try {
            Files.writeString(temporary, value + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            written = Optional.of(value);
            failing = false;
        } catch (IOException e) {
            if (!failing) {
                errors.accept(target, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            failing = true;
        }
    }
}
