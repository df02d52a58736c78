package io.jdirectord.daemon;

import io.jdirectord.daemon.log.FileErrors;
import io.jdirectord.daemon.log.FileOwner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The pid file of one daemon instance: {@code /run/jdirectord/<config file name>.pid} unless given. A pid
 * counts as running only while a process with that pid exists and is a jdirectord by its command line
 * ({@link ProcessIdentity}: it names jdirectord or runs this jar, whatever the jar is called), so a stale
 * file after a crash is recognised.
 */
public record PidFile(Path path) {

    private static final ProcessIdentity JDIRECTORD = ProcessIdentity.ofThisProcess();

    /** Where pid files and control sockets are unless the command line says otherwise. */
    public static final Path RUN_DIRECTORY = Path.of("/run/jdirectord");

    /** The default pid file for a configuration file. */
    public static PidFile forConfig(Path config) {
        return forConfig(RUN_DIRECTORY, config);
    }

    /** The pid file for a configuration file in the run directory {@code runDirectory}. */
    public static PidFile forConfig(Path runDirectory, Path config) {
        return new PidFile(runDirectory.resolve(config.getFileName() + ".pid"));
    }

    /** The pid recorded in the file, if the file exists and holds a number. */
    public OptionalLong recordedPid() {
        try {
            String text = Files.readString(path, StandardCharsets.US_ASCII).trim();
            return OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The running daemon's process, if the file names a live jdirectord process. */
    public Optional<ProcessHandle> runningProcess() {
        OptionalLong pid = recordedPid();
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).filter(JDIRECTORD::isJdirectord);
    }

    /** Whether the file exists but names no running daemon. */
    public boolean isStale() {
        return Files.exists(path) && runningProcess().isEmpty();
    }

    /**
     * Writes the current process's pid, atomically; readable by everyone (0644), as pid files are. A
     * directory it creates is given to the {@code owner}.
     *
     * @throws IOException saying "cannot write the pid file FILE: CAUSE" (or "cannot create the directory ...")
     */
    public void writeCurrent(FileOwner owner) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        owner.createDirectories(parent);
        try {
            Path temp = Files.createTempFile(
                    parent,
                    ".jdirectord",
                    ".pid",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            Files.writeString(temp, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException(FileErrors.describe("write the pid file", path, e), e);
        }
    }

    /** Removes the file if it still names this process. */
    public void removeIfOwned() {
        OptionalLong pid = recordedPid();
        if (pid.isPresent() && pid.getAsLong() == ProcessHandle.current().pid()) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // Nothing useful to do on the way out; a stale file is recognised as stale.
            }
        }
    }
}
