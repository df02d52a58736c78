package io.jdirectord.checks.testing;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throw-away FreeRADIUS 3 ({@code freeradius -X}) with a configuration of its own in the directory
 * given (one server per directory): PAP against a users file holding {@link #USER} with {@link #PASSWORD},
 * a Reply-Message on accept ("Hello, bob") and on reject ("Wrong password for bob"), clients 127.0.0.1 and
 * ::1 with {@link #SECRET} that must send a Message-Authenticator, one auth listener per family on a free
 * UDP port.
 */
public final class FreeradiusServer extends LoopbackServer {

    public static final String BINARY = "/usr/sbin/freeradius";
    public static final String USER = "bob";
    public static final String PASSWORD = "s3cret";
    public static final String SECRET = "testing123";

    private FreeradiusServer(LocalDaemon daemon, int port) {
        super(daemon, port);
    }

    /** Writes the configuration into {@code dir}, starts the server and waits until it is ready. */
    public static FreeradiusServer start(Path dir) throws IOException {
        int port = freeUdpPort();
        Files.writeString(dir.resolve("radiusd.conf"), configuration(dir.toString(), port));
        Files.writeString(dir.resolve("users"), USER + "\tCleartext-Password := \"" + PASSWORD + "\"\n");
        LocalDaemon daemon = LocalDaemon.start(
                "freeradius", List.of(BINARY, "-X", "-d", dir.toString()), dir.resolve("freeradius.out"));
        FreeradiusServer server = new FreeradiusServer(daemon, port);
        try {
            daemon.awaitOutput("Ready to process requests");
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A UDP port free on both loopback addresses a moment ago. */
    public static int freeUdpPort() throws IOException {
        while (true) {
            try (DatagramSocket v4 = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                    DatagramSocket v6 = new DatagramSocket(new InetSocketAddress("::1", v4.getLocalPort()))) {
                return v6.getLocalPort();
            } catch (BindException taken) {
                // The port was free on 127.0.0.1 only; try another.
            }
        }
    }

    private static String configuration(String dir, int port) {
        return String.join(
                        "\n",
                        "prefix = /usr",
                        "exec_prefix = /usr",
                        "sysconfdir = /etc",
                        "localstatedir = /var",
                        "sbindir = /usr/sbin",
                        "libdir = /usr/lib/freeradius",
                        "name = freeradius",
                        "confdir = " + dir,
                        "raddbdir = " + dir,
                        "logdir = " + dir,
                        "run_dir = " + dir,
                        "db_dir = " + dir,
                        "pidfile = " + dir + "/radiusd.pid",
                        "max_request_time = 30",
                        "cleanup_delay = 5",
                        "max_requests = 1024",
                        "hostname_lookups = no",
                        "log {",
                        "  destination = stdout",
                        "  auth = yes",
                        "}",
                        "security {",
                        "  allow_vulnerable_openssl = yes",
                        "}",
                        "modules {",
                        "  files {",
                        "    filename = " + dir + "/users",
                        "  }",
                        "  pap {",
                        "  }",
                        "}",
                        "client v4 {",
                        "  ipaddr = 127.0.0.1",
                        "  secret = " + SECRET,
                        "  require_message_authenticator = yes",
                        "}",
                        "client v6 {",
                        "  ipv6addr = ::1",
                        "  secret = " + SECRET,
                        "  require_message_authenticator = yes",
                        "}",
                        "server check {",
                        "  listen {",
                        "    type = auth",
                        "    ipaddr = 127.0.0.1",
                        "    port = " + port,
                        "  }",
                        "  listen {",
                        "    type = auth",
                        "    ipv6addr = ::1",
                        "    port = " + port,
                        "  }",
                        "  authorize {",
                        "    files",
                        "    pap",
                        "  }",
                        "  authenticate {",
                        "    Auth-Type PAP {",
                        "      pap",
                        "    }",
                        "  }",
                        "  post-auth {",
                        "    update reply {",
                        "      Reply-Message := \"Hello, %{User-Name}\"",
                        "    }",
                        "    Post-Auth-Type REJECT {",
                        "      update reply {",
                        "        Reply-Message := \"Wrong password for %{User-Name}\"",
                        "      }",
                        "    }",
                        "  }",
                        "}")
                + "\n";
    }
}
