package io.jdirectord.cli;

import io.jdirectord.daemon.DaemonOptions;
import io.jdirectord.daemon.PidFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdirectord [OPTIONS] [CONFIG] [COMMAND]}, following ldirectord's conventions: with one argument
 * it is the command when it names one, else the configuration file.
 */
@Command(
        name = "jdirectord",
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpWidth = 100,
        customSynopsis = "jdirectord [-d] [-f] [--dry-run] [--pid-file=FILE] [--run-dir=DIR] [--state-dir=DIR] [--json]"
                + " [CONFIG] COMMAND%n"
                + "       jdirectord [CONFIG] disable|enable|drain [SECONDS]|weight N|weight reset"
                + " [VIRTUAL] REAL%n"
                + "       jdirectord -t [CONFIG]%n       jdirectord -h | -v",
        description = {
            "%nHealth-checking monitor for Linux Virtual Server: probes the real servers of every virtual",
            "service in CONFIG (ldirectord.cf syntax) and keeps the kernel's IPVS table right.%n"
        },
        footer = {
            "%nCOMMAND: start | stop | restart | try-restart | reload | force-reload | status | health",
            "Runtime control of the running daemon (root or its group): disable, enable, drain [SECONDS],",
            "weight N, weight reset; VIRTUAL as status names it (tcp:192.0.2.10:80, fwm:7) or all (the default),",
            "REAL as ADDRESS (every port) or ADDRESS:PORT ([IPV6]:PORT).",
            "CONFIG defaults to the one daemon running, then /etc/jdirectord/jdirectord.cf, then /etc/ha.d/ldirectord.cf.",
            "Exit status: 0 ok (status: running), 1 failure, 2 bad arguments or configuration (or several daemons run),",
            "3 status, health: not running, 6 configuration file missing, 7 reload: not running;",
            "health: 0 healthy, 1 unhealthy."
        })
final class JdirectordCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @SuppressWarnings("UnusedVariable") // picocli sets it and prints the help itself
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @SuppressWarnings("UnusedVariable") // picocli sets it and prints the version itself
    @Option(
            names = {"-v", "--version"},
            versionHelp = true,
            description = "Print the version and exit.")
    private boolean version;

    @Option(
            names = {"-t", "--test"},
            description = "Check the configuration, print a normalised summary, exit 0 or 2.")
    private boolean test;

    @Option(
            names = {"-d", "--debug"},
            description = "Log every probe, and log to standard error.")
    private boolean debug;

    @Option(
            names = {"-f", "--foreground"},
            description = "start: run in the foreground instead of returning once the daemon is ready.")
    private boolean foreground;

    @Option(names = Starter.CHILD_OPTION, hidden = true, description = "start: be the background daemon of a start.")
    private boolean backgroundChild;

    @Option(
            names = "--dry-run",
            description = "Never touch the kernel: keep the table in memory and log each change as an ipvsadm command.")
    private boolean dryRun;

    @Option(
            names = "--pid-file",
            paramLabel = "FILE",
            description = "Pid file (default /run/jdirectord/<config name>.pid).")
    private Path pidFile;

    @Option(
            names = "--run-dir",
            paramLabel = "DIR",
            description = "Directory of the pid files and control sockets (default /run/jdirectord).")
    private Path runDir = PidFile.RUN_DIRECTORY;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "Directory of what survives a restart: the runtime controls, <config name>.controls"
                    + " (default /var/lib/jdirectord).")
    private Path stateDir = DaemonOptions.STATE_DIRECTORY;

    @Option(names = "--json", description = "status: print JSON.")
    private boolean json;

    @Parameters(arity = "0..*", paramLabel = "ARG", hidden = true)
    private List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Invocation invocation = Invocation.of(arguments, test);
        PrintWriter err = spec.commandLine().getErr();
        if (invocation.error().isPresent()) {
            err.println("jdirectord: " + invocation.error().get());
            err.println("Try 'jdirectord --help' for more information.");
            return ExitStatus.USAGE;
        }
        List<RunningDaemons.Found> running = findsTheDaemon(invocation) ? RunningDaemons.in(runDir) : List.of();
        if (running.size() > 1) {
            err.print(RunningDaemons.ambiguity(running));
            err.flush();
            return ExitStatus.USAGE;
        }
        Optional<Path> config = running.isEmpty()
                ? ConfigLocator.locate(invocation.config())
                : Optional.of(running.get(0).configFile());
        if (running.size() == 1) {
            pidFile = running.get(0).pidFile();
        }
        if (config.isEmpty()) {
            err.println("jdirectord: configuration file " + ConfigLocator.describe(invocation.config()) + " not found");
            return test ? ExitStatus.USAGE : ExitStatus.NOT_CONFIGURED;
        }
        Path file = config.get();
        PrintWriter out = spec.commandLine().getOut();
        if (test) {
            return new ConfigTestCommand(out, err).run(file);
        }
        Path pid = pidFile == null ? PidFile.forConfig(runDir, file).path() : pidFile;
        DaemonOptions options = new DaemonOptions(file, debug, dryRun, pid, stateDir);
        Starter starter = new Starter(
                out,
                err,
                backgroundChild
                        ? Starter.Mode.BACKGROUND_CHILD
                        : foreground ? Starter.Mode.FOREGROUND : Starter.Mode.DEFAULT);
        LifecycleCommands commands = new LifecycleCommands(out, err, options, json, starter);
        return invocation.controls()
                ? commands.control(invocation.command().orElseThrow(), invocation.arguments())
                : commands.run(invocation.command().orElseThrow());
    }

    /** Whether the command is for a running daemon found in the run directory: no CONFIG, no pid file, not start. */
    private boolean findsTheDaemon(Invocation invocation) {
        return !test
                && invocation.config().isEmpty()
                && pidFile == null
                && invocation
                        .command()
                        .filter(command -> !command.equals("start"))
                        .isPresent();
    }
}
