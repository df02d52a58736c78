package io.jdirectord.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real jar ({@code target/jdirectord.jar}) running {@code --foreground --dry-run CONFIG start}, for
 * end-to-end tests, or {@code CONFIG start} on the kernel's table ({@link #startOnKernel}, kernel tests).
 * The configuration lives in a directory of the test, and so does the state ({@code --state-dir}, the
 * runtime controls in {@code jdirectord.cf.controls}); the failure log is
 * {@code failure.log} there (a {@code logfile=} line is put at the top of the file). Standard output and
 * error go to files there too, written as the daemon writes them (no pipe to lag behind), so once a
 * failure-log line is seen, every dry-run operation logged before it is visible. The dry-run table's
 * changes are the standard-error lines {@code ... INFO  dryrun: ipvsadm ...}. {@link #close} stops the
 * process (and what it forked) by pid. The one runner of the jar for the daemon's tests.
 */
final class DaemonProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/jdirectord.jar");
    private static final String DRY_RUN_MARK = " dryrun: ";
    private static final Duration POLL = Duration.ofMillis(20);
    /** C1 only and the serial collector: a JVM starts several times faster under the guest's CPU emulation. */
    private static final List<String> GUEST_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

    private static final Pattern LOGGED_OPERATIONS = Pattern.compile(" (?:action|op)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Path dir;
    private final Process process;

    private DaemonProcess(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Writes {@code config} (global and virtual directives, without logfile) into {@code dir} and starts the daemon. */
    static DaemonProcess start(Path dir, String config) throws IOException {
        return start(dir, config, List.of("--dry-run"), Map.of());
    }

    /** As {@link #start}, with {@code environment} added to the daemon's ({@code NOTIFY_SOCKET}, ...). */
    static DaemonProcess start(Path dir, String config, Map<String, String> environment) throws IOException {
        return start(dir, config, List.of("--dry-run"), environment);
    }

    /** As {@link #start}, in a JVM started with {@code jvmOptions} (heap limits, say). */
    static DaemonProcess startWithJvm(Path dir, String config, List<String> jvmOptions) throws IOException {
        return start(dir, config, jvmOptions, List.of("--dry-run"), Map.of());
    }

    /** As {@link #start}, without {@code --dry-run}: the daemon keeps the kernel's IPVS table. */
    static DaemonProcess startOnKernel(Path dir, String config) throws IOException {
        return start(dir, config, List.of(), Map.of());
    }

    /**
     * As {@link #startOnKernel}, in the network namespace {@code namespace} (ip netns exec): its own IPVS
     * table, the JVM started as for the guest ({@link #GUEST_JVM}).
     */
    static DaemonProcess startOnKernelIn(String namespace, Path dir, String config) throws IOException {
        return start(dir, config, List.of("ip", "netns", "exec", namespace), GUEST_JVM, List.of(), Map.of());
    }

    private static DaemonProcess start(Path dir, String config, List<String> options, Map<String, String> environment)
            throws IOException {
        return start(dir, config, List.of(), options, environment);
    }

    private static DaemonProcess start(
            Path dir, String config, List<String> jvmOptions, List<String> options, Map<String, String> environment)
            throws IOException {
        return start(dir, config, List.of(), jvmOptions, options, environment);
    }

    /** Runs the jar behind {@code prefix} (a command such as ip netns exec NAME), in {@code dir}. */
    private static DaemonProcess start(
            Path dir,
            String config,
            List<String> prefix,
            List<String> jvmOptions,
            List<String> options,
            Map<String, String> environment)
            throws IOException {
        Files.writeString(dir.resolve("jdirectord.cf"), withLogfile(dir, config));
        List<String> arguments = new ArrayList<>(List.of("--foreground"));
        arguments.addAll(options);
        arguments.addAll(List.of(
                "--pid-file",
                dir.resolve("jdirectord.pid").toString(),
                "--state-dir",
                dir.toString(),
                dir.resolve("jdirectord.cf").toString(),
                "start"));
        List<String> command = new ArrayList<>(prefix);
        command.addAll(jdirectord(jvmOptions, arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return new DaemonProcess(dir, process);
    }

    /** The command line that runs the jar with the JVM running the tests. */
    static List<String> jdirectord(List<String> arguments) {
        return jdirectord(List.of(), arguments);
    }

    /** As {@link #jdirectord(List)}, the JVM started with {@code jvmOptions}. */
    static List<String> jdirectord(List<String> jvmOptions, List<String> arguments) {
        return jdirectord(JAR, jvmOptions, arguments);
    }

    /** As {@link #jdirectord(List, List)}, running {@code jar} (a copy of the jar under another name, say). */
    private static List<String> jdirectord(Path jar, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(arguments);
        return command;
    }

    /** Global lines, then one virtual service whose real servers on loopback are checked by connect every 500 ms. */
    static String connectConfig(List<Integer> realPorts, String... globals) {
        StringBuilder text = new StringBuilder("checkinterval=0.5\nchecktimeout=1\n");
        for (String global : globals) {
            text.append(global).append('\n');
        }
        text.append("virtual=192.0.2.10:80\n    checktype=connect\n    scheduler=wrr\n    protocol=tcp\n");
        realPorts.forEach(
                port -> text.append("    real=127.0.0.1:").append(port).append(" gate 1\n"));
        return text.toString();
    }

    private static String withLogfile(Path dir, String config) {
        return "logfile=\"" + dir.resolve("failure.log") + "\"\n" + config;
    }

    Path configFile() {
        return dir.resolve("jdirectord.cf");
    }

    Path pidFile() {
        return dir.resolve("jdirectord.pid");
    }

    /** The file of the runtime controls that survive a restart. */
    Path controlsFile() {
        return dir.resolve("jdirectord.cf.controls");
    }

    long pid() {
        return process.pid();
    }

    /** Replaces the configuration file's content (keeping the logfile line). */
    void rewriteConfig(String config) throws IOException {
        Path temp = dir.resolve("jdirectord.cf.new");
        Files.writeString(temp, withLogfile(dir, config));
        Files.move(temp, configFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The failure log's lines so far. */
    List<String> log() {
        return lines("failure.log");
    }

    /** What the daemon wrote to standard error so far, by line. */
    List<String> stderr() {
        return lines("stderr.txt");
    }

    /** The complete lines of a file of the daemon's directory (a line still being written is left out). */
    private List<String> lines(String name) {
        try {
            String text = Files.readString(dir.resolve(name));
            List<String> lines = new ArrayList<>(text.lines().toList());
            if (!text.isEmpty() && !text.endsWith("\n")) {
                lines.removeLast();
            }
            return lines;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The dry-run table's changes so far, as ipvsadm command lines (refused ones start with {@code # failed:}). */
    List<String> operations() {
        return stderr().stream()
                .filter(line -> line.contains(DRY_RUN_MARK))
                .map(line -> line.substring(line.indexOf(DRY_RUN_MARK) + DRY_RUN_MARK.length()))
                .toList();
    }

    /**
     * The table operations the failure log names so far, as ipvsadm command lines in order: the values of
     * {@code action=} and {@code op=}, split where one line names several.
     */
    List<String> loggedOperations() {
        List<String> operations = new ArrayList<>();
        for (String line : log()) {
            Matcher matcher = LOGGED_OPERATIONS.matcher(line);
            while (matcher.find()) {
                operations.addAll(List.of(matcher.group(1).split("; ")));
            }
        }
        return operations;
    }

    /** Waits for a failure-log line matching {@code wanted}, counting from line {@code from}; returns it. */
    String awaitLog(int from, Predicate<String> wanted, Duration limit) {
        return await("a failure-log line", this::log, from, wanted, limit);
    }

    /** Waits for a failure-log event {@code name} whose line contains every one of {@code parts}. */
    String awaitEvent(String name, Duration limit, String... parts) {
        return awaitLog(0, event(name, parts), limit);
    }

    /** Waits for a dry-run operation (an exact ipvsadm line), counting from operation {@code from}. */
    String awaitOperation(int from, String operation, Duration limit) {
        return await("the dry-run operation " + operation, this::operations, from, operation::equals, limit);
    }

    String awaitOperation(String operation, Duration limit) {
        return awaitOperation(0, operation, limit);
    }

    /** Matches a failure-log line of event {@code name} that contains every one of {@code parts}. */
    static Predicate<String> event(String name, String... parts) {
        return line -> {
            String[] words = line.split(" ", 3);
            if (words.length < 2 || !words[1].equals(name)) {
                return false;
            }
            for (String part : parts) {
                if (!line.contains(part)) {
                    return false;
                }
            }
            return true;
        };
    }

    private String await(
            String what, Supplier<List<String>> source, int from, Predicate<String> wanted, Duration limit) {
        AtomicReference<String> found = new AtomicReference<>();
        await(what, limit, () -> {
            List<String> lines = source.get();
            lines.subList(Math.min(from, lines.size()), lines.size()).stream()
                    .filter(wanted)
                    .findFirst()
                    .ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    /**
     * Polls {@code condition} until it holds; fails with the daemon's transcript when {@code limit} passes
     * or the daemon exits first.
     */
    void await(String what, Duration limit, BooleanSupplier condition) {
        try {
            Awaitility.await(what)
                    .atMost(limit)
                    .pollInterval(POLL)
                    .pollDelay(Duration.ZERO)
                    .until(() -> condition.getAsBoolean() || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no " + what + " within " + limit.toMillis() + " ms\n" + transcript(), e);
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("the daemon exited before " + what + "\n" + transcript());
        }
    }

    /** Everything the daemon wrote, for assertion messages. */
    String transcript() {
        return "--- failure log:\n" + String.join("\n", log()) + "\n--- stderr:\n" + String.join("\n", stderr())
                + "\n--- stdout:\n" + String.join("\n", lines("stdout.txt")) + "\n--- process "
                + (process.isAlive() ? "running" : "exited " + process.exitValue());
    }

    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** SIGTERM, then waits for the exit; returns the exit status. */
    int terminate(Duration limit) throws InterruptedException {
        signal("TERM");
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("daemon did not exit within " + limit.toMillis() + " ms\n" + transcript());
        }
        return process.exitValue();
    }

    /** Waits for the daemon to exit by itself; returns the exit status. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("daemon did not exit within " + limit.toMillis() + " ms\n" + transcript());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Result of a short command-line run of the jar. */
    record Run(int status, String out, String err) {}

    /** Runs {@code jdirectord --pid-file PID CONFIG ARGS...} against this daemon and waits for it. */
    Run command(String... arguments) throws IOException, InterruptedException {
        return commandAs(List.of(), List.of(), arguments);
    }

    /** As {@link #command}, the JVM started as for the guest ({@link #GUEST_JVM}). */
    Run commandInGuest(String... arguments) throws IOException, InterruptedException {
        return commandAs(List.of(), GUEST_JVM, arguments);
    }

    /** As {@link #command}, run as {@code user} through runuser (the caller is root). */
    Run commandAs(String user, String... arguments) throws IOException, InterruptedException {
        return commandAs(List.of("runuser", "-u", user, "--"), List.of(), arguments);
    }

    private Run commandAs(List<String> prefix, List<String> jvmOptions, String... arguments)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(
                List.of("--pid-file", pidFile().toString(), configFile().toString()));
        args.addAll(List.of(arguments));
        List<String> command = new ArrayList<>(prefix);
        command.addAll(jdirectord(jvmOptions, args));
        return run(command);
    }

    /** Runs {@code jdirectord ARGS...} (a command that returns, {@code start} in the background included) and waits for it. */
    static Run run(String... arguments) throws IOException, InterruptedException {
        return run(jdirectord(List.of(arguments)));
    }

    /** As {@link #run(String...)}, running {@code jar} instead of the built one. */
    static Run runJar(Path jar, String... arguments) throws IOException, InterruptedException {
        return run(jdirectord(jar, List.of(), List.of(arguments)));
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process run = new ProcessBuilder(command).start();
        run.getOutputStream().close();
        String[] err = new String[1];
        Thread errors = Thread.ofVirtual().start(() -> err[0] = readAll(run.getErrorStream()));
        String out = readAll(run.getInputStream());
        if (!run.waitFor(60, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        errors.join();
        return new Run(run.exitValue(), out, err[0]);
    }

    private static String readAll(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM (by pid, as systemd sends it), then waits up to 30 s for the exit; returns the exit status. */
    int stop() throws InterruptedException {
        return terminate(Duration.ofSeconds(30));
    }

    /**
     * Stops a daemon this test did not start itself (one that forked into the background): SIGTERM, SIGKILL
     * when it has not ended after {@code grace}, and waits for its end (until then it may still write into
     * the test's directory).
     */
    static void stop(ProcessHandle daemon, Duration grace) throws Exception {
        daemon.destroy();
        try {
            daemon.onExit().get(grace.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            daemon.destroyForcibly();
            daemon.onExit().get(grace.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Stops the daemon if it still runs (SIGTERM, SIGKILL after 15 s) and what it forked. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    }
}
