package io.jdirectord.checks.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away MariaDB server: its own data directory made by mariadb-install-db, listening on
 * 127.0.0.1 and ::1 on a free port and on a socket in its directory, where root logs in without a
 * password. Names are not resolved: accounts are written with addresses ('monitor'@'127.0.0.1').
 */
public final class MariaDbServer extends LoopbackServer {

    public static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    public static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    public static final Path CLIENT = Path.of("/usr/bin/mariadb");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path socket;

    private MariaDbServer(LocalDaemon daemon, Path socket, int port) {
        super(daemon, port);
        this.socket = socket;
    }

    public static boolean installed() {
        return Files.isExecutable(SERVER) && Files.isExecutable(INSTALL_DB) && Files.isExecutable(CLIENT);
    }

    /** Installs and starts a server named {@code name} under {@code dir}; {@code options} go to mariadbd. */
    public static MariaDbServer start(Path dir, String name, int serverId, String... options)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path data = home.resolve("data");
        List<String> install = new ArrayList<>(List.of(
                INSTALL_DB.toString(),
                "--no-defaults",
                "--datadir=" + data,
                "--auth-root-authentication-method=normal",
                "--skip-test-db"));
        if (ROOT) {
            install.add("--user=root");
        }
        prepare(install, home.resolve("install.log"));
        int port = LocalDaemon.freePort();
        Path socket = home.resolve("mysqld.sock");
        List<String> command = new ArrayList<>(List.of(
                SERVER.toString(),
                "--no-defaults",
                "--datadir=" + data,
                "--socket=" + socket,
                "--port=" + port,
                "--bind-address=127.0.0.1,::1",
                "--skip-name-resolve",
                "--server-id=" + serverId,
                "--pid-file=" + home.resolve("mysqld.pid"),
                "--tmpdir=" + home,
                "--innodb-buffer-pool-size=16M",
                "--log-error=" + home.resolve("error.log")));
        if (ROOT) {
            command.add("--user=root");
        }
        command.addAll(List.of(options));
        LocalDaemon daemon = LocalDaemon.start(
                "mariadbd " + name, command, home.resolve("stdout.log"), port, Duration.ofSeconds(60));
        return new MariaDbServer(daemon, socket, port);
    }

    /** Runs SQL statements as root over the socket; returns the tab-separated result without headers. */
    public String sql(String statements) throws IOException, InterruptedException {
        return client(
                List.of(
                        CLIENT.toString(),
                        "--no-defaults",
                        "-S",
                        socket.toString(),
                        "-u",
                        "root",
                        "-B",
                        "-N",
                        "-e",
                        statements),
                statements);
    }
}
