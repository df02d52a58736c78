package io.jdirectord.daemon;

import static io.jdirectord.testing.Prerequisites.require;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Real servers for the end-to-end kernel tests, inside the qemu guest of src/test/vm (as root, no network
 * card): a dummy interface {@value #INTERFACE} carrying {@link #REALS} and {@link #REAL6}, and the host's
 * nginx on port 80 of each, answering {@value #HEALTH_PAGE} (and any other path) with the body
 * {@value #HEALTH_BODY}, from its own throw-away configuration in {@code dir}. A real server is made to fail
 * by an iptables rule that answers its connections with a TCP reset ({@link #reject}), and comes back when
 * the rule goes ({@link #accept}).
 * {@link #close} stops nginx, deletes the rules it added and the interface.
 */
final class GuestWebServers implements AutoCloseable {

    static final String INTERFACE = "jd0";
    static final List<String> REALS = List.of("10.9.0.1", "10.9.0.2", "10.9.0.3");
    static final String REAL6 = "2001:db8:9::1";
    static final String HEALTH_PAGE = "health.html";
    static final String HEALTH_BODY = "jdirectord-health-ok";
    private static final String NGINX = "/usr/sbin/nginx";
    private static final String IPTABLES = "/usr/sbin/iptables";

    private final Path config;
    private final Set<String> rejected = new LinkedHashSet<>();

    private GuestWebServers(Path config) {
        this.config = config;
    }

    /** Skips the test unless it runs as root with IPVS loaded, ipvsadm, nginx and iptables. */
    static void assumeGuest() {
        require("root".equals(System.getProperty("user.name")), "kernel tests run as root");
        require(Files.exists(Path.of("/proc/net/ip_vs")), "kernel tests need IPVS (modprobe ip_vs)");
        for (String tool : List.of("/usr/sbin/ipvsadm", NGINX, IPTABLES)) {
            require(Files.isExecutable(Path.of(tool)), "kernel tests need " + tool);
        }
    }

    static GuestWebServers start(Path dir) throws IOException {
        run("ip", "link", "add", INTERFACE, "type", "dummy");
        run("ip", "link", "set", INTERFACE, "up");
        for (String real : REALS) {
            run("ip", "address", "add", real + "/24", "dev", INTERFACE);
        }
        run("ip", "-6", "address", "add", REAL6 + "/64", "dev", INTERFACE, "nodad");
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, nginxConfig(dir));
        GuestWebServers servers = new GuestWebServers(config);
        run(NGINX, "-c", config.toString(), "-e", dir.resolve("error.log").toString());
        return servers;
    }

    /** Answers from the configuration itself: the workers (user nobody) cannot read the test's directories. */
    private static String nginxConfig(Path dir) {
        StringBuilder listen = new StringBuilder();
        REALS.forEach(real -> listen.append("        listen ").append(real).append(":80;\n"));
        listen.append("        listen [").append(REAL6).append("]:80;\n");
        return """
                daemon on;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    default_type text/plain;
                    server {
                %2$s        location / { return 200 "%3$s\\n"; }
                    }
                }
                """.formatted(dir, listen, HEALTH_BODY);
    }

    /** Makes connections to port 80 of {@code address} fail with a reset (connection refused). */
    void reject(String address) {
        run(IPTABLES, rule("-I", address));
        rejected.add(address);
    }

    /** Takes the rule of {@link #reject} away again. */
    void accept(String address) {
        if (rejected.remove(address)) {
            run(IPTABLES, rule("-D", address));
        }
    }

    private static String[] rule(String action, String address) {
        return new String[] {
            action, "OUTPUT", "-d", address, "-p", "tcp", "--dport", "80", "-j", "REJECT", "--reject-with", "tcp-reset"
        };
    }

    /** Accepts every rejected address again. */
    void acceptAll() {
        List.copyOf(rejected).forEach(this::accept);
    }

    @Override
    public void close() {
        acceptAll();
        run(
                NGINX,
                "-c",
                config.toString(),
                "-e",
                config.resolveSibling("error.log").toString(),
                "-s",
                "stop");
        run("ip", "link", "delete", INTERFACE);
    }

    /** Runs a command (no shell) and returns its standard output; fails the test when it exits non-zero. */
    static String run(String program, String... args) {
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(List.of(args));
        return run(command);
    }

    static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
