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
 * file away without a signal. A failed write goes to the fallback stream (standard error) instead.
 */
public final class FileEventSink implements EventSink {

    private final Path path;
    private final PrintStream fallback;
    private final ReentrantLock lock = new ReentrantLock();

    /** Creates the file's directory when it is missing and can be created; otherwise writes fall back. */
    public FileEventSink(Path path, PrintStream fallback) {
        this.path = path;
        this.fallback = fallback;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            fallback.println("jdirectord: cannot create the directory of log file " + path + ": " + e.getMessage());
        }
    }

    @Override
    public void write(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            Files.write(path, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            fallback.println(line);
            fallback.println("jdirectord: cannot write log file " + path + ": " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
