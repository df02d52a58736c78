package io.jdirectord.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.util.ConfigurableSocketFactory;

/**
 * Hands a JDBC driver the sockets of one probe. Drivers make their socket factory themselves from a
 * class name, so the probe's {@link ProbeSockets} are registered under a key that travels in the
 * connection properties ({@value #KEY_PROPERTY}) and looked up by the factory the driver makes.
 */
final class SqlSocketFactory {

    /** The connection property that carries the key of the probe's sockets. */
    static final String KEY_PROPERTY = "jdirectordSockets";

    private static final Map<String, ProbeSockets> PROBES = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_KEY = new AtomicLong();
    private static final ProbeSockets UNREGISTERED = ProbeSockets.closed();

    private SqlSocketFactory() {}

    /** Registers {@code sockets} until the returned registration is closed; its key goes to the driver. */
    static Registration register(ProbeSockets sockets) {
        String key = Long.toString(NEXT_KEY.incrementAndGet());
        PROBES.put(key, sockets);
        return new Registration(key);
    }

    /** A registered probe's key; closing it forgets the probe. */
    record Registration(String key) implements AutoCloseable {
        @Override
        public void close() {
            PROBES.remove(key);
        }
    }

    /** The probe's sockets; outside a probe (or after it), sockets that are closed and make none. */
    private static SocketFactory lookup(String key) {
        ProbeSockets sockets = key == null ? null : PROBES.get(key);
        return sockets == null ? UNREGISTERED : sockets;
    }

    /**
     * The factory both drivers make by name: MariaDB Connector/J with no arguments and then tells it the
     * configuration; pgjdbc with the connection's properties. It extends MariaDB's hook class, which is a
     * {@link SocketFactory}, so that one class serves both.
     */
    public static final class Driver extends ConfigurableSocketFactory {

        private SocketFactory sockets;

        /** MariaDB Connector/J's constructor; {@link #setConfiguration} follows before use. */
        public Driver() {
            this.sockets = UNREGISTERED;
        }

        /** pgjdbc's constructor. */
        public Driver(Properties properties) {
            this.sockets = lookup(properties.getProperty(KEY_PROPERTY));
        }

        @Override
        public void setConfiguration(Configuration conf, String host) {
            sockets = lookup(conf.nonMappedOptions().getProperty(KEY_PROPERTY));
        }

        @Override
        public Socket createSocket() throws IOException {
            return sockets.createSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return sockets.createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return sockets.createSocket(host, port, local, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return sockets.createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return sockets.createSocket(host, port, local, localPort);
        }
    }
}
