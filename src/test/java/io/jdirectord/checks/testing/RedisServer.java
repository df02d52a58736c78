package io.jdirectord.checks.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A throw-away redis-server on 127.0.0.1 and [::1]: no persistence, its files in one directory. */
public final class RedisServer extends LoopbackServer {

    public static final Path BINARY = Path.of("/usr/bin/redis-server");

    private RedisServer(LocalDaemon daemon, int port) {
        super(daemon, port);
    }

    /** Starts a server; {@code settings} are extra redis.conf lines ("requirepass x", "replicaof ..."). */
    public static RedisServer start(Path dir, String... settings) throws IOException, InterruptedException {
        int port = LocalDaemon.freePort();
        Path conf = dir.resolve("redis-" + port + ".conf");
        List<String> lines = new ArrayList<>(List.of(
                "port " + port,
                "bind 127.0.0.1 ::1",
                "save \"\"",
                "appendonly no",
                "dir " + dir,
                "daemonize no",
                "protected-mode no"));
        lines.addAll(List.of(settings));
        Files.write(conf, lines);
        LocalDaemon daemon = LocalDaemon.start(
                "redis-server",
                List.of(BINARY.toString(), conf.toString()),
                dir.resolve("redis-" + port + ".log"),
                port,
                Duration.ofSeconds(15));
        return new RedisServer(daemon, port);
    }
}
