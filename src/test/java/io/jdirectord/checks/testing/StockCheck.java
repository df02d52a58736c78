package io.jdirectord.checks.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the stock check programs in {@code checks/} as jdirectord does: arguments
 * {@code VIRTUAL VPORT REAL RPORT}, an environment of PATH, LANG and the JDIRECTORD_* variables only,
 * standard input /dev/null, output and error merged.
 */
public final class StockCheck {

    public static final Path DIRECTORY = Path.of("checks").toAbsolutePath();
    public static final String PATH = "/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Duration HANG_LIMIT = Duration.ofSeconds(30);

    private final Path program;
    private final Map<String, String> environment = new LinkedHashMap<>();

    /** The result of one run: exit status, merged output and wall-clock time. */
    public record Run(int status, String output, Duration elapsed) {

        /** The output's first line. */
        public String line() {
            return output.strip().lines().findFirst().orElse("");
        }
    }

    private StockCheck(Path program) {
        this.program = program;
        environment.put("PATH", PATH);
        environment.put("LANG", "C");
    }

    public static StockCheck named(String name) {
        return new StockCheck(DIRECTORY.resolve(name));
    }

    public Path program() {
        return program;
    }

    /** Sets an environment variable (JDIRECTORD_* as jdirectord would, or a wrapper's option). */
    public StockCheck env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs the program against {@code real:port} (an IPv6 real given in brackets, as jdirectord does). */
    public Run run(String real, int port) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                program.toString(),
                "192.0.2.10",
                "80",
                real.contains(":") ? "[" + real + "]" : real,
                Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putIfAbsent("JDIRECTORD_REAL_HOST", real);
        builder.environment().putIfAbsent("JDIRECTORD_REAL_PORT", Integer.toString(port));
        builder.environment().putIfAbsent("JDIRECTORD_CHECK_PORT", Integer.toString(port));
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(HANG_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(program + " did not exit within " + HANG_LIMIT);
        }
        return new Run(
                process.exitValue(),
                new String(output, StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Whether {@code name} is an executable on jdirectord's PATH. */
    public static boolean installed(String name) {
        for (String dir : PATH.split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
