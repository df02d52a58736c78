package io.jdirectord.daemon;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs jdirectord again as this process runs: the same Java, the same JVM options,
 * the same classes. A class path of one jar is run with {@code -jar}, so that its manifest applies
 * (native access for JNA); otherwise the class path and the main class are named.
 */
public final class SelfCommand {

    /** The main class, named (the daemon package does not depend on the command line's). */
    static final String MAIN_CLASS = "io.jdirectord.cli.Main";

    private SelfCommand() {}

    /** This process's command line for {@code arguments}. */
    public static List<String> of(List<String> arguments) {
        return of(
                ProcessHandle.current().info().command().orElse("java"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"),
                arguments);
    }

    /** The command line of {@code java} with {@code jvmOptions} running {@code classPath} with {@code arguments}. */
    public static List<String> of(String java, List<String> jvmOptions, String classPath, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        boolean oneJar = classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator);
        command.addAll(oneJar ? List.of("-jar", classPath) : List.of("-cp", classPath, MAIN_CLASS));
        command.addAll(arguments);
        return command;
    }
}
