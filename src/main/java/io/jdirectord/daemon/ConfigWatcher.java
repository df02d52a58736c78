package io.jdirectord.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;

/**
 * Notices when the configuration file's content changes on disk, as ldirectord's autoreload does, but
 * only once the file has stopped changing: its size and modification time must have stayed the same
 * for {@code settle} (by the clock given) before it is read, so a file an editor or a deployment tool
 * is still writing is never reported half-written. The content hash decides whether it changed. Not
 * thread-safe: one caller, who calls {@link #changed} periodically (every second in the daemon).
 */
final class ConfigWatcher {

    /** What is cheap to read about the file: changes while it is written. */
    private record Stamp(FileTime modified, long size) {}

    private final Path file;
    private final InstantSource clock;
    private final Duration settle;
    private Stamp remembered;
    private byte[] lastDigest;
    private Stamp pending;
    private Instant pendingSince;

    ConfigWatcher(Path file, InstantSource clock, Duration settle) {
        this.file = file;
        this.clock = clock;
        this.settle = settle;
        remember();
    }

    /** Records the file as it is now (after a reload), so that only later edits count as changes. */
    void remember() {
        pending = null;
        try {
            remembered = stamp();
            lastDigest = digest();
        } catch (IOException e) {
            remembered = null;
            lastDigest = null;
        }
    }

    /**
     * True once for each change of the file's content since the last call or {@link #remember}, reported
     * on the first call that finds its size and modification time unchanged for {@code settle}. A
     * missing or unreadable file is no change.
     */
    boolean changed() {
        try {
            Stamp now = stamp();
            if (now.equals(remembered)) {
                pending = null;
                return false;
            }
            if (!now.equals(pending)) {
                pending = now;
                pendingSince = clock.instant();
                return false;
            }
            if (clock.instant().isBefore(pendingSince.plus(settle))) {
                return false;
            }
            return settled(now);
        } catch (IOException e) {
            pending = null;
            return false;
        }
    }

    private boolean settled(Stamp now) throws IOException {
        byte[] digest = digest();
        remembered = now;
        pending = null;
        if (Arrays.equals(digest, lastDigest)) {
            return false;
        }
        lastDigest = digest;
        return true;
    }

    private Stamp stamp() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(attributes.lastModifiedTime(), attributes.size());
    }

    private byte[] digest() throws IOException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
