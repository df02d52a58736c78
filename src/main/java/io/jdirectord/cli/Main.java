package io.jdirectord.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar jdirectord.jar}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the process exit status (see {@link ExitStatus}). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new JdirectordCommand());
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            e.getCommandLine().getErr().println("jdirectord: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'jdirectord --help' for more information.");
            return ExitStatus.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("jdirectord: " + describe(e));
            return ExitStatus.FAILURE;
        });
        return commandLine.execute(args);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
