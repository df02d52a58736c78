package io.jdirectord.cli;

import io.jdirectord.daemon.PidFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The daemons running with a pid file in a run directory, for a command given without CONFIG: with one
 * daemon running, whatever its configuration file, the command is for it. A daemon's configuration file
 * is read from its command line (relative to its working directory), else from its pid file's name.
 */
final class RunningDaemons {

    /**
     * One running daemon.
     *
     * @param pidFile    its pid file
     * @param pid        its process id
     * @param configFile the configuration file it was started with
     */
    record Found(Path pidFile, long pid, Path configFile) {}

    private RunningDaemons() {}

    /** The running daemons whose pid files are in {@code runDir}, by pid file name; none when it cannot be read. */
    static List<Found> in(Path runDir) {
        List<Found> found = new ArrayList<>();
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(runDir, "[!.]*.pid")) {
            for (Path path : pidFiles) {
                new PidFile(path)
                        .runningProcess()
                        .ifPresent(process -> found.add(new Found(path, process.pid(), configOf(process, path))));
            }
        } catch (IOException e) {
            return List.of();
        }
        found.sort((a, b) -> a.pidFile().compareTo(b.pidFile()));
        return found;
    }

    /** The operator's text listing {@code daemons} when a command without CONFIG could mean any of them. */
    static String ambiguity(List<Found> daemons) {
        StringBuilder text = new StringBuilder("jdirectord: " + daemons.size()
                + " daemons are running; name the configuration file of the one you mean:\n");
        daemons.forEach(d -> text.append("  ")
                .append(d.configFile())
                .append(" (pid ")
                .append(d.pid())
                .append(")\n"));
        return text.toString();
    }

    private static Path configOf(ProcessHandle process, Path pidFile) {
        Optional<String> named = process.info().arguments().flatMap(RunningDaemons::configArgument);
        if (named.isPresent() && Path.of(named.get()).isAbsolute()) {
            return Path.of(named.get());
        }
        Optional<Path> inItsDirectory = named.flatMap(
                        name -> workingDirectory(process).map(dir -> dir.resolve(name)))
                .filter(Files::isRegularFile);
        String fromPidFile = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
        Optional<String> name = named.or(() -> Optional.of(fromPidFile));
        return inItsDirectory.or(() -> ConfigLocator.locate(name)).orElse(Path.of(name.get()));
    }

    /** CONFIG as given on a daemon's command line ({@code ... Main|-jar JAR [OPTIONS] [CONFIG] start}). */
    static Optional<String> configArgument(String[] arguments) {
        List<String> all = List.of(arguments);
        int jar = all.indexOf("-jar");
        int main = all.indexOf(Main.class.getName());
        int from = jar >= 0 ? jar + 2 : main + 1;
        if (from <= 0 || from > all.size()) {
            return Optional.empty();
        }
        try {
            ParseResult parsed = new CommandLine(new JdirectordCommand())
                    .parseArgs(all.subList(from, all.size()).toArray(String[]::new));
            List<String> positionals = parsed.matchedPositionals().isEmpty()
                    ? List.of()
                    : parsed.matchedPositionals().get(0).getValue();
            return Invocation.of(positionals, false).config();
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> workingDirectory(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
