package io.jdirectord.checks.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throw-away kamailio SIP server on 127.0.0.1 and ::1 (UDP and TCP, one free port) that answers
 * OPTIONS for user {@link #ALIVE} (or for the server itself) with 200 and every other request with 404.
 * Its files are in the directory given.
 */
public final class KamailioServer extends LoopbackServer {

    public static final String BINARY = "/usr/sbin/kamailio";
    /** The user part of a URI answered with 200 OK. */
    public static final String ALIVE = "alive";

    private KamailioServer(LocalDaemon daemon, int port) {
        super(daemon, port);
    }

    /** Starts a server on a free port with its configuration, runtime directory and log in {@code dir}. */
    public static KamailioServer start(Path dir) throws IOException {
        int port = LocalDaemon.freePort();
        Path runtime = Files.createDirectories(dir.resolve("run-" + port));
        Path config = dir.resolve("kamailio-" + port + ".cfg");
        Files.writeString(
                config,
                String.join(
                                "\n",
                                "#!KAMAILIO",
                                "debug=2",
                                "log_stderror=yes",
                                "children=1",
                                "tcp_children=1",
                                "auto_aliases=no",
                                "listen=udp:127.0.0.1:" + port,
                                "listen=tcp:127.0.0.1:" + port,
                                "listen=udp:[::1]:" + port,
                                "listen=tcp:[::1]:" + port,
                                "loadmodule \"sl.so\"",
                                "loadmodule \"pv.so\"",
                                "request_route {",
                                "  if ($rm == \"OPTIONS\" && ($rU == \"" + ALIVE + "\" || $rU == $null)) {",
                                "    sl_send_reply(\"200\", \"OK\");",
                                "    exit;",
                                "  }",
                                "  sl_send_reply(\"404\", \"Not Found\");",
                                "  exit;",
                                "}")
                        + "\n");
        LocalDaemon daemon = LocalDaemon.start(
                "kamailio",
                List.of(
                        BINARY,
                        "-DD",
                        "-E",
                        "-f",
                        config.toString(),
                        "-Y",
                        runtime.toString(),
                        "-w",
                        dir.toString(),
                        "-m",
                        "32",
                        "-M",
                        "8"),
                dir.resolve("kamailio-" + port + ".log"));
        KamailioServer server = new KamailioServer(daemon, port);
        server.awaitBothFamilies();
        return server;
    }
}
