package io.jdirectord.daemon.log;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends lines to a file, opening it for every line as ldirectord does, so that logrotate can move the
 * file away without a signal. A file (or directory) it creates goes to the {@link FileOwner}. A line
 * that cannot be written goes to the fallback stream (standard error) instead; the reason is told there
 * once when writing starts failing and once when it works again, not with every line.
 */
public final class FileEventSink implements EventSink {

    private final Path path;
    private final PrintStream fallback;
    private final FileOwner owner;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean failing;

    /** Creates the file's directory when it is missing and can be created; otherwise writes fall back. */
    public FileEventSink(Path path, PrintStream fallback) {
        this(path, fallback, FileOwner.forThisProcess());
    }

    FileEventSink(Path path, PrintStream fallback, FileOwner owner) {
        this.path = path;
        this.fallback = fallback;
        this.owner = owner;
        try {
            createDirectory(path, owner);
        } catch (IOException e) {
            fallback.println("jdirectord: " + e.getMessage());
        }
    }

    /**
     * Checks that {@code path} can be appended to, creating it (and its directory) for {@code owner} if
     * needed, as ldirectord opens its logfile once at start.
     *
     * @throws IOException saying "cannot write FILE: CAUSE" (or "cannot create the directory ...")
     */
    public static void checkWritable(Path path, FileOwner owner) throws IOException {
        createDirectory(path, owner);
        append(path, new byte[0], owner);
    }

    @Override
    public void write(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            append(path, bytes, owner);
            if (failing) {
                failing = false;
                fallback.println("jdirectord: writing log file " + path + " again");
            }
        } catch (IOException e) {
            fallback.println(line);
            if (!failing) {
                failing = true;
                fallback.println(
                        "jdirectord: " + e.getMessage() + "; log lines go to standard error until it can be written");
            }
        } finally {
            lock.unlock();
        }
    }

    private static void createDirectory(Path path, FileOwner owner) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            owner.createDirectories(parent);
        }
    }

    private static void append(Path path, byte[] bytes, FileOwner owner) throws IOException {
        boolean existed = !owner.changesOwnerOf(path) || Files.exists(path);
        try {
            Files.write(path, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException(FileErrors.describe("write", path, e), e);
        }
        if (!existed) {
            owner.adopt(path);
        }
    }
}
