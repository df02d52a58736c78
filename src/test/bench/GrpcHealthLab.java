import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The benchmark's gRPC real servers (src/test/bench/README.md, "gRPC check cost"): one grpc-java server
 * (Netty, clear text) on 0.0.0.0:PORT with the standard health service (HealthStatusManager, the whole
 * server SERVING), so that every address on the namespace's lo answers grpc.health.v1.Health/Check. Each
 * call is logged as nginx logs a request in the lab ("SECONDS.MILLIS ADDRESS grpc", by the address the
 * call arrived at), buffered and written out once a second, so the harness reads probe rates and gaps
 * the same way (the log is opened for appending, so the harness may truncate it). Prints "listening on PORT" once it accepts calls; runs until killed.
 *
 * <p>Run as a single source file: {@code java -cp TEST_CLASSPATH GrpcHealthLab.java PORT ACCESS_LOG}.
 */
public final class GrpcHealthLab {

    /** Netty's warning with a stack trace for each call whose client left first (its deadline passed): kept quiet. */
    private static final Logger NETTY = Logger.getLogger("io.grpc.netty.shaded");

    public static void main(String[] args) throws Exception {
        NETTY.setLevel(Level.SEVERE);
        int port = Integer.parseInt(args[0]);
        Writer log = new BufferedWriter(
                Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8, CREATE, APPEND), 1 << 19);
        HealthStatusManager health = new HealthStatusManager();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("0.0.0.0", port))
                .addService(ServerInterceptors.intercept(health.getHealthService(), logging(log)))
                .build()
                .start();
        Executors.newSingleThreadScheduledExecutor().scheduleAtFixedRate(() -> flush(log), 1, 1, TimeUnit.SECONDS);
        System.out.println("listening on " + server.getPort());
        server.awaitTermination();
    }

    private static ServerInterceptor logging(Writer log) {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                SocketAddress local = call.getAttributes().get(Grpc.TRANSPORT_ATTR_LOCAL_ADDR);
                String address = local instanceof InetSocketAddress inet
                        ? inet.getAddress().getHostAddress() : String.valueOf(local);
                long now = System.currentTimeMillis();
                String line = (now / 1000) + "." + String.format("%03d", now % 1000) + " " + address + " grpc\n";
                synchronized (log) {
                    try {
                        log.write(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next.startCall(call, headers);
            }
        };
    }

    private static void flush(Writer log) {
        synchronized (log) {
            try {
                log.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
