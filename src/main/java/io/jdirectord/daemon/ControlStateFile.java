package io.jdirectord.daemon;

import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigMessage;
import io.jdirectord.config.VirtualService;
import io.jdirectord.daemon.log.FileErrors;
import io.jdirectord.daemon.log.FileOwner;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.engine.RealControl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The file that keeps the operators' runtime controls across restarts
 * ({@code STATEDIR/<config name>.controls}, lines as {@link ControlStateLines} says). Read once at start; replaced atomically (a temporary file in the
 * same directory, written, synced to disk, renamed over it) by {@link #save}, mode 0640. A file that cannot
 * be read or written never stops the daemon: it is reported and the daemon runs on the controls it has in
 * memory. Thread-safe.
 */
final class ControlStateFile {

    /** A longer file is not a state file jdirectord wrote (a line is about 100 bytes). */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private final Path path;
    private final FileOwner owner;
    private final BiConsumer<Path, String> errors;
    private Optional<Map<RealRef, RealControl>> written = Optional.empty();

    /**
     * @param path   the file
     * @param owner  who gets the file and a directory it creates
     * @param errors told (file, reason) when the file cannot be written, once per change
     */
    ControlStateFile(Path path, FileOwner owner, BiConsumer<Path, String> errors) {
        this.path = path;
        this.owner = owner;
        this.errors = errors;
    }

    /** The state file of the configuration file {@code config} in {@code directory}. */
    static Path pathFor(Path directory, Path config) {
        return directory.resolve(config.getFileName() + ".controls");
    }

    Path path() {
        return path;
    }

    /**
     * What the file holds for {@code config}.
     *
     * @param controls      the controls of real servers {@code config} has, to be put in force
     * @param notConfigured the controls of real servers {@code config} does not have: not in force
     * @param warnings      a line that could not be read ({@code FILE:LINE}), or the file ({@code FILE}, line 0)
     */
    record Restored(Map<RealRef, RealControl> controls, List<RealRef> notConfigured, List<ConfigMessage> warnings) {}

    /** Reads the file; a missing file holds nothing. Never throws. */
    Restored read(Config config) {
        List<String> lines;
        try {
            lines = lines();
        } catch (NoSuchFileException e) {
            return new Restored(Map.of(), List.of(), List.of());
        } catch (IOException e) {
            return new Restored(
                    Map.of(),
                    List.of(),
                    List.of(new ConfigMessage(
                            path, 0, "cannot read: " + FileErrors.cause(e) + "; no runtime control restored")));
        }
        Map<RealRef, RealControl> controls = new LinkedHashMap<>();
        List<RealRef> notConfigured = new ArrayList<>();
        List<ConfigMessage> warnings = new ArrayList<>();
        Map<RealRef, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (ControlStateLines.silent(lines.get(i))) {
                continue;
            }
            try {
                Map.Entry<RealRef, RealControl> entry = ControlStateLines.parse(lines.get(i));
                Integer earlier = seen.putIfAbsent(entry.getKey(), i + 1);
                if (earlier != null) {
                    warnings.add(new ConfigMessage(path, i + 1, "ignored: line " + earlier + " has this real server"));
                } else if (configured(config, entry.getKey())) {
                    controls.put(entry.getKey(), entry.getValue());
                } else {
                    notConfigured.add(entry.getKey());
                }
            } catch (IllegalArgumentException e) {
                warnings.add(new ConfigMessage(path, i + 1, "ignored: " + e.getMessage()));
            }
        }
        return new Restored(controls, notConfigured, warnings);
    }

    private List<String> lines() throws IOException {
        if (Files.size(path) > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES / 1024 / 1024 + " MiB, not a state file");
        }
        return new String(Files.readAllBytes(path), StandardCharsets.UTF_8)
                .lines()
                .toList();
    }

    private static boolean configured(Config config, RealRef ref) {
        return config.virtualService(ref.virtual()).stream()
                .map(VirtualService::reals)
                .flatMap(List::stream)
                .anyMatch(real -> real.endpoint().equals(ref.real()));
    }

    /**
     * Replaces the file with the controls {@code source} gives (read under this file's lock, so that the last
     * write has the latest) when they differ from what was last saved or tried. A failure is told to the
     * errors and tried again with the next change.
     */
    synchronized void save(Supplier<Map<RealRef, RealControl>> source) {
        Map<RealRef, RealControl> controls = source.get();
        if (written.isPresent() && written.get().equals(controls)) {
            return;
        }
        written = Optional.of(Map.copyOf(controls));
        try {
            write(ControlStateLines.format(controls));
        } catch (IOException e) {
            errors.accept(path, FileErrors.cause(e));
        }
    }

    /**
     * Takes {@code controls} as saved already (those restored at start): the file is left as it is until they
     * change, lines that were not restored included.
     */
    synchronized void assumeSaved(Map<RealRef, RealControl> controls) {
        written = Optional.of(Map.copyOf(controls));
    }

    private void write(String text) throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        owner.createDirectories(directory);
        Path temporary = Files.createTempFile(
                directory,
                "." + path.getFileName(),
                ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            owner.adopt(temporary);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel directoryChannel = FileChannel.open(directory, StandardOpenOption.READ)) {
                directoryChannel.force(true); // the rename itself on disk
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
