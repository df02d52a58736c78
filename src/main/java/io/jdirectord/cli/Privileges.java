package io.jdirectord.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Optional;

/**
 * What the invoking user may do with a running daemon, and who may do what it may not, in words: a
 * command refused for lack of privilege says so, with LSB's status 4, instead of mistaking the daemon
 * for stopped.
 */
final class Privileges {

    private Privileges() {}

    /** A file that exists but that this user may not read (root reads everything). */
    static boolean unreadable(Path file) {
        return Files.exists(file) && !Files.isReadable(file);
    }

    /** A socket that exists but that this user may not connect to (connecting needs write access). */
    static boolean unwritable(Path socket) {
        return Files.exists(socket) && !Files.isWritable(socket);
    }

    /** Whether this user may send {@code process} a signal: root, or the user it runs as. */
    static boolean maySignal(ProcessHandle process) {
        String me = System.getProperty("user.name");
        return "root".equals(me) || process.info().user().map(me::equals).orElse(true);
    }

    /** The user {@code process} runs as, or "its user" when that cannot be read. */
    static String userOf(ProcessHandle process) {
        return process.info().user().orElse("its user");
    }

    /** "user U and group G", the owners of {@code file}; "its owner" when they cannot be read. */
    static String owners(Path file) {
        return attributes(file)
                .map(a -> "user " + a.owner().getName() + " and group "
                        + a.group().getName())
                .orElse("its owner");
    }

    private static Optional<PosixFileAttributes> attributes(Path file) {
        try {
            return Optional.of(Files.readAttributes(file, PosixFileAttributes.class));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
