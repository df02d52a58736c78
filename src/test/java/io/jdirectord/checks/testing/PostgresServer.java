package io.jdirectord.checks.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PostgreSQL server: its own cluster made by initdb, listening on 127.0.0.1 and ::1 on a
 * free port (password logins, scram-sha-256) and on a socket in its directory, where the superuser
 * postgres logs in without one. PostgreSQL refuses to run as root: run as root, the test has initdb and
 * the server run as the system user postgres (setpriv), in directories that user owns.
 */
public final class PostgresServer extends LoopbackServer {

    public static final Path BIN = newestBin();
    public static final Path CLIENT = Path.of("/usr/bin/psql");
    private static final String SYSTEM_USER = "postgres";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path socketDir;

    private PostgresServer(LocalDaemon daemon, Path socketDir, int port) {
        super(daemon, port);
        this.socketDir = socketDir;
    }

    public static boolean installed() {
        return BIN != null
                && Files.isExecutable(BIN.resolve("postgres"))
                && Files.isExecutable(BIN.resolve("initdb"))
                && Files.isExecutable(CLIENT);
    }

    /** Makes a cluster under {@code dir}/{@code name} and starts it; {@code settings} are name=value pairs. */
    public static PostgresServer start(Path dir, String name, String... settings)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path data = ownDirectory(home.resolve("data"));
        Path socketDir = ownDirectory(home.resolve("run"));
        openToServer(dir, home);
        prepare(
                asServerUser(
                        BIN.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        SYSTEM_USER,
                        "--auth-local=trust",
                        "--auth-host=scram-sha-256",
                        "--no-sync",
                        "-E",
                        "UTF8",
                        "--locale=C"),
                home.resolve("initdb.log"));
        int port = LocalDaemon.freePort();
        List<String> command = asServerUser(
                BIN.resolve("postgres").toString(),
                "-D",
                data.toString(),
                "-p",
                Integer.toString(port),
                "-k",
                socketDir.toString(),
                "-c",
                "listen_addresses=127.0.0.1,::1",
                "-c",
                "fsync=off",
                "-c",
                "shared_buffers=16MB",
                "-c",
                "max_connections=40");
        for (String setting : settings) {
            command.addAll(List.of("-c", setting));
        }
        LocalDaemon daemon = LocalDaemon.start(
                "postgres " + name, command, home.resolve("server.log"), port, Duration.ofSeconds(60));
        return new PostgresServer(daemon, socketDir, port);
    }

    /** Runs SQL as the superuser over the socket; returns the unaligned, tuples-only output. */
    public String sql(String statements) throws IOException, InterruptedException {
        return client(
                        List.of(
                                CLIENT.toString(),
                                "-X",
                                "-h",
                                socketDir.toString(),
                                "-p",
                                Integer.toString(port()),
                                "-U",
                                SYSTEM_USER,
                                "-d",
                                "postgres",
                                "-v",
                                "ON_ERROR_STOP=1",
                                "-At",
                                "-c",
                                statements),
                        statements)
                .strip();
    }

    private static Path newestBin() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.max((a, b) -> Integer.compare(major(a), major(b)))
                    .map(v -> v.resolve("bin"))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int major(Path version) {
        String name = version.getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : -1;
    }

    private static List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("setpriv", "--reuid=" + SYSTEM_USER, "--regid=" + SYSTEM_USER, "--init-groups"));
        }
        full.addAll(List.of(command));
        return full;
    }

    /** A directory the server's user owns (mode 700). */
    private static Path ownDirectory(Path path) throws IOException {
        Files.createDirectories(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        if (ROOT) {
            UserPrincipal user =
                    path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SYSTEM_USER);
            Files.setOwner(path, user);
        }
        return path;
    }

    /** Lets the server's user pass through the test's directories (a JUnit @TempDir is mode 700). */
    private static void openToServer(Path... directories) throws IOException {
        if (ROOT) {
            for (Path directory : directories) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x--x"));
            }
        }
    }
}
