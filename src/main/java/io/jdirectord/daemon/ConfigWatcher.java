package io.jdirectord.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Notices when the configuration file's content changes on disk, as ldirectord's autoreload does: the
 * modification time is checked cheaply, the content hash decides. Not thread-safe: one caller.
 */
final class ConfigWatcher {

    private final Path file;
    private FileTime lastModified;
    private byte[] lastDigest;

    ConfigWatcher(Path file) {
        this.file = file;
        remember();
    }

    /** Records the file as it is now (after a reload), so that only later edits count as changes. */
    void remember() {
        try {
            lastModified = Files.getLastModifiedTime(file);
            lastDigest = digest();
        } catch (IOException e) {
            lastModified = null;
            lastDigest = null;
        }
    }

    /** True once for each change of the file's content since the last call or {@link #remember}. */
    boolean changed() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(lastModified)) {
                return false;
            }
            lastModified = modified;
            byte[] digest = digest();
            if (Arrays.equals(digest, lastDigest)) {
                return false;
            }
            lastDigest = digest;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private byte[] digest() throws IOException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
