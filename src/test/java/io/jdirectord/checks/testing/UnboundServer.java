package io.jdirectord.checks.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throw-away unbound resolver on 127.0.0.1 and ::1 (UDP and TCP, one free port) serving the static
 * local zones example.test ({@link #NAME}: A {@link #ADDRESS}, AAAA 2001:db8::1) and 2.0.192.in-addr.arpa
 * (the PTR of {@link #ADDRESS}); it resolves nothing else. Its files are in the directory given.
 */
public final class UnboundServer extends LoopbackServer {

    public static final String BINARY = "/usr/sbin/unbound";
    public static final String NAME = "www.example.test";
    public static final String ADDRESS = "192.0.2.1";

    private UnboundServer(LocalDaemon daemon, int port) {
        super(daemon, port);
    }

    /** Starts a server on a free port with its configuration and log in {@code dir}. */
    public static UnboundServer start(Path dir) throws IOException {
        int port = LocalDaemon.freePort();
        Path config = dir.resolve("unbound-" + port + ".conf");
        Files.writeString(
                config,
                String.join(
                                "\n",
                                "server:",
                                "  interface: 127.0.0.1@" + port,
                                "  interface: ::1@" + port,
                                "  do-ip6: yes",
                                "  do-tcp: yes",
                                "  chroot: \"\"",
                                "  username: \"\"",
                                "  directory: \"" + dir + "\"",
                                "  pidfile: \"\"",
                                "  use-syslog: no",
                                "  logfile: \"\"",
                                "  access-control: 127.0.0.0/8 allow",
                                "  access-control: ::1 allow",
                                "  module-config: \"iterator\"",
                                "  local-zone: \"example.test.\" static",
                                "  local-data: \"" + NAME + ". 60 IN A " + ADDRESS + "\"",
                                "  local-data: \"" + NAME + ". 60 IN AAAA 2001:db8::1\"",
                                "  local-zone: \"2.0.192.in-addr.arpa.\" static",
                                "  local-data-ptr: \"" + ADDRESS + " " + NAME + "\"",
                                "remote-control:",
                                "  control-enable: no")
                        + "\n");
        LocalDaemon daemon = LocalDaemon.start(
                "unbound", List.of(BINARY, "-d", "-c", config.toString()), dir.resolve("unbound-" + port + ".log"));
        UnboundServer server = new UnboundServer(daemon, port);
        server.awaitBothFamilies();
        return server;
    }
}
