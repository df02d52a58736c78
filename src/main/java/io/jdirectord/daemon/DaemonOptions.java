package io.jdirectord.daemon;

import java.nio.file.Path;

/**
 * How the command line asked the daemon to run.
 *
 * @param configFile the configuration file
 * @param debug      per-probe debug lines in the log, log to standard error
 * @param dryRun     never touch the kernel: an in-memory table logs every operation as an ipvsadm command
 * @param pidFile    where the running daemon writes its pid
 * @param stateDir   where the daemon keeps what survives a restart: the runtime controls, in
 *                   {@code <config name>.controls} (also under {@code dryRun})
 */
public record DaemonOptions(Path configFile, boolean debug, boolean dryRun, Path pidFile, Path stateDir) {

    /** Where the state is kept unless the command line says otherwise. */
    public static final Path STATE_DIRECTORY = Path.of("/var/lib/jdirectord");

    /** The file of the runtime controls that survive a restart. */
    public Path controlsFile() {
        return ControlStateFile.pathFor(stateDir, configFile);
    }
}
