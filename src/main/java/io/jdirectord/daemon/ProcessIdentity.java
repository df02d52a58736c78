package io.jdirectord.daemon;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether a process is a jdirectord, judged by its command line (/proc/PID/cmdline): it names jdirectord
 * (the installed jar, the main class; ldirectord looks for its own name the same way), or it runs with
 * {@code -jar} the jar this process runs from, whatever that jar is called. A relative jar is taken in the
 * process's working directory; when that cannot be read (another user's process), the jar's file name is
 * compared.
 */
final class ProcessIdentity {

    private static final String NAME = "jdirectord";

    private final Optional<Path> ownJar;

    /** @param ownJar the jar this process runs from; empty when it runs from classes */
    ProcessIdentity(Optional<Path> ownJar) {
        this.ownJar = ownJar.map(Path::toAbsolutePath);
    }

    /** The identity of the code running now. */
    static ProcessIdentity ofThisProcess() {
        return new ProcessIdentity(jarOf(ProcessIdentity.class));
    }

    /** Whether {@code process} is a jdirectord; false when its command line cannot be read. */
    boolean isJdirectord(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        return commandLine(proc, process)
                .map(arguments -> isJdirectord(arguments, workingDirectory(proc)))
                .orElse(false);
    }

    /**
     * Whether the command line {@code arguments}, run in {@code workingDirectory} (empty when unknown), is
     * a jdirectord.
     */
    boolean isJdirectord(List<String> arguments, Optional<Path> workingDirectory) {
        if (arguments.stream().anyMatch(argument -> argument.contains(NAME))) {
            return true;
        }
        int jarOption = arguments.indexOf("-jar");
        if (ownJar.isEmpty() || jarOption < 0 || jarOption + 1 >= arguments.size()) {
            return false;
        }
        return runsOwnJar(Path.of(arguments.get(jarOption + 1)), workingDirectory);
    }

    private boolean runsOwnJar(Path jar, Optional<Path> workingDirectory) {
        Path own = ownJar.orElseThrow();
        if (!jar.isAbsolute() && workingDirectory.isEmpty()) {
            return own.getFileName().equals(jar.getFileName());
        }
        Path absolute =
                workingDirectory.map(dir -> dir.resolve(jar)).orElse(jar).normalize();
        if (absolute.equals(own.normalize())) {
            return true;
        }
        try {
            return Files.isSameFile(absolute, own);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<List<String>> commandLine(Path proc, ProcessHandle process) {
        try {
            String text = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
            return Optional.of(Arrays.asList(text.split("\0")));
        } catch (IOException e) {
            return process.info().commandLine().map(line -> Arrays.asList(line.split(" ")));
        }
    }

    private static Optional<Path> workingDirectory(Path proc) {
        try {
            return Optional.of(Files.readSymbolicLink(proc.resolve("cwd")));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The jar {@code type} was loaded from, if it was loaded from a jar. */
    static Optional<Path> jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
