package io.jdirectord.check.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away nginx run by the current user in the foreground as a single process, with configuration,
 * pid file, logs and temporary paths all in one directory. Listens on 127.0.0.1 and [::1].
 */
public final class NginxServer implements AutoCloseable {

    public static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Path dir;

    private NginxServer(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /**
     * Starts nginx with {@code servers} (the server blocks) inside an http block and waits until
     * {@code readyPort} accepts connections on 127.0.0.1.
     */
    public static NginxServer start(Path dir, String servers, int readyPort) throws IOException, InterruptedException {
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, configuration(dir, servers));
        Path log = dir.resolve("error.log");
        Process process = new ProcessBuilder(
                        NGINX.toString(), "-p", dir.toString(), "-c", conf.toString(), "-e", log.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        NginxServer server = new NginxServer(process, dir);
        server.awaitPort(readyPort);
        return server;
    }

    private static String configuration(Path dir, String servers) {
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    default_type text/plain;
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(dir, servers);
    }

    private void awaitPort(int port) throws IOException, InterruptedException {
        if (!HostCommands.awaitListening(Loopback.V4, port, START_TIMEOUT)) {
            String exit = process.isAlive() ? "" : " (exited " + process.exitValue() + ")";
            close();
            throw new IOException(
                    "nginx did not listen on port " + port + " within " + START_TIMEOUT + exit + ": " + logs());
        }
    }

    private String logs() throws IOException {
        Path errors = dir.resolve("error.log");
        Path stdout = dir.resolve("stdout.log");
        return (Files.exists(errors) ? Files.readString(errors) : "")
                + (Files.exists(stdout) ? Files.readString(stdout) : "");
    }

    /** Stops nginx: SIGTERM, then SIGKILL if it is still there after 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
