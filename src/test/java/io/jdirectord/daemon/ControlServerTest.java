package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jdirectord.ipvs.IpvsException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ControlServerTest {

    @TempDir
    Path dir;

    private Path socket;
    private ControlServer server;
    private final List<SocketChannel> clients = new ArrayList<>();

    @BeforeEach
    void open() throws IOException {
        socket = dir.resolve("jdirectord.sock");
        server = ControlServer.open(socket, () -> {
            throw new IpvsException("Operation not permitted", 1);
        });
    }

    @AfterEach
    void close() throws IOException {
        for (SocketChannel client : clients) {
            client.close();
        }
        server.close();
    }

    private SocketChannel connect() throws IOException {
        SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX);
        client.connect(UnixDomainSocketAddress.of(socket));
        clients.add(client);
        return client;
    }

    private static String answer(SocketChannel client) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (client.read(buffer) >= 0 && buffer.hasRemaining()) {
            // until the server closes
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static void send(SocketChannel client, String text) throws IOException {
        client.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersAnUnknownRequestWithAnError() throws IOException {
        SocketChannel client = connect();
        send(client, "reboot\n");

        assertThat(answer(client)).isEqualTo("error: unknown request\n");
    }

    @Test
    void stopsReadingARequestLineLongerThanAllowed() throws IOException {
        SocketChannel client = connect();
        send(client, "s".repeat(ControlServer.MAX_REQUEST_BYTES + 1));

        assertThat(answer(client)).isEqualTo("error: request too long\n");
    }

    @Test
    void closesAClientThatSendsNothing() throws IOException {
        SocketChannel client = connect();

        await().atMost(Duration.ofSeconds(ControlServer.CLIENT_SECONDS + 10))
                .until(() -> client.read(ByteBuffer.allocate(1)) < 0);
    }

    @Test
    void turnsAwayAClientBeyondTheLimitWhileOthersAreIdle() throws IOException {
        for (int i = 0; i < ControlServer.MAX_CLIENTS; i++) {
            connect();
        }

        assertThat(answer(connect())).isEqualTo("error: too many clients\n");
    }
}
