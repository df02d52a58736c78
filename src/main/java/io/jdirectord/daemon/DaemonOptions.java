package io.jdirectord.daemon;

import java.nio.file.Path;

/**
 * How the command line asked the daemon to run.
 *
 * @param configFile the configuration file
 * @param debug      per-probe debug lines in the log, log to standard error
 * @param dryRun     never touch the kernel: an in-memory table logs every operation as an ipvsadm command
 * @param pidFile    where the running daemon writes its pid
 */
public record DaemonOptions(Path configFile, boolean debug, boolean dryRun, Path pidFile) {}
