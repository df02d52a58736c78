package io.jdirectord.daemon.log;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What went wrong with a file, in the words of the C library ("Permission denied"), since a
 * {@link FileSystemException}'s message is often nothing but the file's name.
 */
public final class FileErrors {

    private static final Map<Class<? extends IOException>, String> KNOWN = Map.of(
            AccessDeniedException.class, "Permission denied",
            NoSuchFileException.class, "No such file or directory",
            FileAlreadyExistsException.class, "File exists",
            NotDirectoryException.class, "Not a directory",
            DirectoryNotEmptyException.class, "Directory not empty",
            FileSystemLoopException.class, "Too many levels of symbolic links");

    private FileErrors() {}

    /** "cannot WHAT FILE: CAUSE", e.g. "cannot write /var/log/jdirectord/jdirectord.log: Permission denied". */
    public static String describe(String what, Path file, IOException e) {
        return "cannot " + what + " " + file + ": " + cause(e);
    }

    /** The cause alone: the system's reason, else the kind of failure, never just a file name. */
    public static String cause(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        for (var known : KNOWN.entrySet()) {
            if (known.getKey().isInstance(e)) {
                return known.getValue();
            }
        }
        if (e instanceof FileSystemException) {
            return e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
