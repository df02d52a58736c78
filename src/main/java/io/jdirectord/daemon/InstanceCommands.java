package io.jdirectord.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs {@code jdirectord [--dry-run] --pid-file FILE --state-dir DIR CONFIG COMMAND} for an {@code execute=}
 * instance and says how it went. The pid file lies beside this daemon's, the state in this daemon's state
 * directory; the command runs as this process runs
 * ({@link SelfCommand}), without this daemon's systemd variables (the instance is not the unit's main
 * process, and a start that saw NOTIFY_SOCKET would stay in the foreground).
 */
interface InstanceCommands {

    /** How long a start may take (it returns once the instance is ready), and any other command. */
    Duration START_TIMEOUT = Duration.ofSeconds(300);

    Duration OTHER_TIMEOUT = Duration.ofSeconds(60);
    /** systemd's variables for the unit's main process, which an instance must not see. */
    Set<String> SYSTEMD_VARIABLES =
            Set.of("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID");

    ExternalCommand.Outcome run(String command, Path config);

    /** The commands of a daemon run as {@code options} say (its pid file, dry run and state directory). */
    static InstanceCommands of(DaemonOptions options) {
        Path pidFile = options.pidFile();
        boolean dryRun = options.dryRun();
        return (command, config) -> {
            List<String> arguments = new ArrayList<>();
            if (dryRun) {
                arguments.add("--dry-run");
            }
            Path directory = pidFile.toAbsolutePath().getParent();
            Path instancePid = directory.resolve(config.getFileName() + ".pid");
            arguments.addAll(List.of(
                    "--pid-file",
                    instancePid.toString(),
                    "--state-dir",
                    options.stateDir().toAbsolutePath().toString(),
                    config.toString(),
                    command));
            Duration timeout = command.equals("start") ? START_TIMEOUT : OTHER_TIMEOUT;
            return new ExternalCommand(timeout)
                    .withoutVariables(SYSTEMD_VARIABLES)
                    .capture(SelfCommand.of(arguments));
        };
    }
}
