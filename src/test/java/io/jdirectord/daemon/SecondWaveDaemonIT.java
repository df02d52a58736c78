package io.jdirectord.daemon;

import static io.jdirectord.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdirectord.checks.testing.FreeradiusServer;
import io.jdirectord.checks.testing.KamailioServer;
import io.jdirectord.checks.testing.LocalDaemon;
import io.jdirectord.checks.testing.LoopbackServer;
import io.jdirectord.checks.testing.MariaDbServer;
import io.jdirectord.checks.testing.PostgresServer;
import io.jdirectord.checks.testing.SlapdServer;
import io.jdirectord.checks.testing.UnboundServer;
import io.jdirectord.config.OracleDriverJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second-wave checks end to end: one ldirectord-style configuration with a virtual service per check
 * (dns, ldap, sip, radius, mysql, pgsql; half of them IPv6) against the real Debian daemons on loopback,
 * run by the built jar in dry-run mode. Every real server is up with its check's own reason; a
 * {@code service = oracle} real server on a closed port is down with the advice where to put Oracle's
 * driver, which is not installed. When the daemons stop, each of their real servers leaves the table.
 * A missing daemon skips the test, or fails it under CI=true.
 */
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class SecondWaveDaemonIT {

    /** A JVM start and a first round of JDBC, LDAP and UDP probes on a loaded host. */
    private static final Duration READY = Duration.ofSeconds(120);

    private static final String PASSWORD = "pw-2e2e";

    @TempDir
    Path dir;

    @RegisterExtension
    final Resources resources = new Resources();

    @Test
    void everyRealDaemonIsUpUntilItStopsAndOracleWithoutItsDriverIsDownWithTheAdvice() throws Exception {
        requireDaemons();
        Servers servers = startServers();
        DaemonProcess daemon = resources.keep(DaemonProcess.start(directory("jdirectord"), servers.configuration()));

        String ready = daemon.awaitEvent("ready", READY);

        assertThat(ready).as(daemon.transcript()).contains(" ready virtuals=7 reals=7 up=6 probes=7");
        Map<String, JsonNode> reals = reals(daemon);
        servers.upReasons().forEach((real, reason) -> assertReal(reals, real, "up", reason));
        String advice = OracleDriverJars.standard().advice();
        assertReal(reals, servers.oracle(), "down", "Oracle: " + advice);
        assertThat(daemon.log())
                .anyMatch(DaemonProcess.event("config-warning", "service = oracle: " + advice))
                .noneMatch(DaemonProcess.event("internal-error"));

        servers.stopAll();
        for (String real : servers.upReasons().keySet()) {
            daemon.awaitEvent("down", READY, "real=" + real + " ", "action=\"ipvsadm -d ");
        }
        assertThat(daemon.log()).noneMatch(DaemonProcess.event("internal-error"));
        assertThat(daemon.stop()).isZero();
    }

    private static void assertReal(Map<String, JsonNode> reals, String address, String health, String reason) {
        assertThat(reals).as("real servers in the status").containsKey(address);
        assertThat(reals.get(address).path("health").asText())
                .as("health of %s", address)
                .isEqualTo(health);
        assertThat(reals.get(address).path("lastCheck").path("reason").asText())
                .as("the last check of %s", address)
                .isEqualTo(reason);
    }

    private static void requireDaemons() {
        require(Files.isExecutable(Path.of(UnboundServer.BINARY)), UnboundServer.BINARY);
        require(SlapdServer.installed(), "slapd, slapadd and openssl");
        require(Files.isExecutable(Path.of(KamailioServer.BINARY)), KamailioServer.BINARY);
        require(Files.isExecutable(Path.of(FreeradiusServer.BINARY)), FreeradiusServer.BINARY);
        require(MariaDbServer.installed(), "mariadb-server and mariadb-client");
        require(PostgresServer.installed(), "postgresql");
        require(Files.isRegularFile(DaemonProcess.JAR), DaemonProcess.JAR + " (mvn package)");
    }

    /** The six daemons, each on loopback with a throw-away configuration, and a port nothing listens on. */
    private Servers startServers() throws Exception {
        return new Servers(
                resources.keep(UnboundServer.start(directory("unbound"))),
                resources.keep(SlapdServer.start(directory("slapd"))),
                resources.keep(KamailioServer.start(directory("kamailio"))),
                resources.keep(FreeradiusServer.start(directory("freeradius"))),
                resources.keep(mariadb()),
                resources.keep(postgres()),
                LocalDaemon.freePort());
    }

    private Path directory(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    /** MariaDB with database app, which user check may read from ::1. */
    private MariaDbServer mariadb() throws Exception {
        MariaDbServer server = MariaDbServer.start(dir, "mariadb", 1);
        server.sql("CREATE DATABASE app; CREATE USER 'check'@'::1' IDENTIFIED BY '" + PASSWORD + "';"
                + " GRANT SELECT ON app.* TO 'check'@'::1';");
        return server;
    }

    /** PostgreSQL with database app, owned by user check. */
    private PostgresServer postgres() throws Exception {
        PostgresServer server = PostgresServer.start(dir, "postgres");
        server.sql("CREATE USER \"check\" PASSWORD '" + PASSWORD + "'");
        server.sql("CREATE DATABASE app OWNER \"check\"");
        return server;
    }

    /** The real servers of {@code jdirectord status --json} by address ({@code 127.0.0.1:53}, {@code [::1]:389}). */
    private static Map<String, JsonNode> reals(DaemonProcess daemon) throws Exception {
        DaemonProcess.Run status = daemon.command("status", "--json");
        assertThat(status.status()).as(status.err()).isZero();
        Map<String, JsonNode> reals = new HashMap<>();
        for (JsonNode service : new ObjectMapper().readTree(status.out()).path("services")) {
            service.path("reals").forEach(real -> reals.put(real.path("address").asText(), real));
        }
        return reals;
    }

    /** The daemons the configuration points at; {@code closed}, the port of oracle's real server. */
    private record Servers(
            UnboundServer unbound,
            SlapdServer slapd,
            KamailioServer kamailio,
            FreeradiusServer freeradius,
            MariaDbServer mariadb,
            PostgresServer postgres,
            int closed) {

        /** What each daemon's real server (by its address in the status) is up with. */
        Map<String, String> upReasons() {
            return Map.of(
                    "127.0.0.1:" + unbound.port(),
                    "DNS: " + UnboundServer.NAME + " A " + UnboundServer.ADDRESS + " matched '" + UnboundServer.ADDRESS
                            + "'",
                    "[::1]:" + slapd.port(),
                    "LDAP entry '" + SlapdServer.BASE + "'",
                    "[::1]:" + kamailio.port(),
                    "SIP 200 OK",
                    "127.0.0.1:" + freeradius.port(),
                    "RADIUS Access-Accept: 'Hello, " + FreeradiusServer.USER + "'",
                    "[::1]:" + mariadb.port(),
                    "MySQL: query returned a row",
                    "127.0.0.1:" + postgres.port(),
                    "PostgreSQL: query returned a row");
        }

        /** Stops the six daemons: each real server must then leave the table. */
        void stopAll() {
            List.of(unbound, slapd, kamailio, freeradius, mariadb, postgres).forEach(LoopbackServer::close);
        }

        String oracle() {
            return "127.0.0.1:" + closed;
        }

        /** One virtual service per check, as an operator writes it (dns, sip and radius over UDP). */
        String configuration() {
            return """
                    checkinterval=3
                    negotiatetimeout=20
                    virtual=192.0.2.70:53
                        protocol=udp
                        real=127.0.0.1:%d masq
                        service=dns
                        checktype=negotiate
                        request="/%s"
                        receive="%s"
                    virtual6=[2001:db8::71]:389
                        real6=[::1]:%d masq
                        service=ldap
                        checktype=negotiate
                        login="%s"
                        passwd="%s"
                        request="/%s"
                        receive="%s"
                    virtual6=[2001:db8::72]:5060
                        protocol=udp
                        real6=[::1]:%d masq
                        service=sip
                        checktype=negotiate
                        login="%s@example.test"
                    virtual=192.0.2.73:1812
                        protocol=udp
                        real=127.0.0.1:%d masq
                        service=radius
                        checktype=negotiate
                        login="%s"
                        passwd="%s"
                        secret="%s"
                    virtual6=[2001:db8::74]:3306
                        real6=[::1]:%d masq
                        service=mysql
                        checktype=negotiate
                        login="check"
                        passwd="%s"
                        database="app"
                        request="/SELECT 1"
                    virtual=192.0.2.75:5432
                        real=127.0.0.1:%d masq
                        service=pgsql
                        checktype=negotiate
                        login="check"
                        passwd="%s"
                        database="app"
                        request="/SELECT 1"
                    virtual=192.0.2.76:1521
                        real=127.0.0.1:%d masq
                        service=oracle
                        checktype=negotiate
                        login="check"
                        passwd="%s"
                        database="ORCL"
                        request="/SELECT 1 FROM DUAL"
                    """.formatted(
                            unbound.port(),
                            UnboundServer.NAME,
                            UnboundServer.ADDRESS,
                            slapd.port(),
                            SlapdServer.USER,
                            SlapdServer.PASSWORD,
                            SlapdServer.BASE,
                            SlapdServer.BASE,
                            kamailio.port(),
                            KamailioServer.ALIVE,
                            freeradius.port(),
                            FreeradiusServer.USER,
                            FreeradiusServer.PASSWORD,
                            FreeradiusServer.SECRET,
                            mariadb.port(),
                            PASSWORD,
                            postgres.port(),
                            PASSWORD,
                            closed,
                            PASSWORD);
        }
    }
}
