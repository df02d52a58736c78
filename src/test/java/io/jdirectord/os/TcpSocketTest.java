package io.jdirectord.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Non-blocking TCP sockets on an edge-triggered epoll, against loopback listeners. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TcpSocketTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long TOKEN = 42L << 32 | 7;

    private final NativeBuffer buffer = new NativeBuffer(1024);
    private final NativeBuffer scratch = new NativeBuffer(8);

    /** A socket connecting to {@code port} on the loopback address. */
    private static int connecting(int port) throws IOException {
        byte[] sockaddr = TcpSocket.sockaddr(LOOPBACK, port);
        int fd = TcpSocket.open(sockaddr);
        TcpSocket.connect(fd, sockaddr);
        return fd;
    }

    @Test
    void aConnectionIsReportedWritableAndCarriesBytesBothWays() throws Exception {
        try (Epoll epoll = new Epoll(8);
                ServerSocket server = new ServerSocket(0, 5, LOOPBACK)) {
            int fd = connecting(server.getLocalPort());
            epoll.add(fd, Epoll.IN | Epoll.OUT | Epoll.EDGE, TOKEN);

            assertThat(epoll.await(5_000)).isEqualTo(1);
            assertThat(epoll.token(0)).isEqualTo(TOKEN);
            assertThat(epoll.events(0) & Epoll.OUT).isNotZero();
            TcpSocket.finishConnect(fd, scratch);
            byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
            assertThat(TcpSocket.send(fd, buffer, hello, 1, 4)).isEqualTo(4);
            try (Socket accepted = server.accept()) {
                InputStream in = accepted.getInputStream();
                assertThat(new String(in.readNBytes(4), StandardCharsets.US_ASCII))
                        .isEqualTo("ello");
                assertThat(TcpSocket.receive(fd, buffer, 100))
                        .as("nothing waiting")
                        .isZero();
                accepted.getOutputStream().write("world".getBytes(StandardCharsets.US_ASCII));

                assertThat(epoll.await(5_000)).isEqualTo(1);
                assertThat(epoll.events(0) & Epoll.IN).isNotZero();
                assertThat(TcpSocket.receive(fd, buffer, 3)).isEqualTo(3);
                byte[] got = new byte[3];
                buffer.copyTo(got, 0, 3);
                assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("wor");
                assertThat(TcpSocket.receive(fd, buffer, 100)).isEqualTo(2);
            }
            assertThat(epoll.await(5_000)).isEqualTo(1);
            assertThat(TcpSocket.receive(fd, buffer, 100))
                    .as("the end of the stream")
                    .isEqualTo(-1);
            TcpSocket.close(fd);
        }
    }

    @Test
    void aRefusedConnectionReportsAnErrorThatFinishConnectThrowsAsTheJdkDoes() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 5, LOOPBACK)) {
            port = closed.getLocalPort();
        }
        try (Epoll epoll = new Epoll(8)) {
            int fd = connecting(port);
            epoll.add(fd, Epoll.IN | Epoll.OUT | Epoll.EDGE, TOKEN);

            assertThat(epoll.await(5_000)).isEqualTo(1);
            assertThat(epoll.events(0) & Epoll.ERR).isNotZero();
            assertThatThrownBy(() -> TcpSocket.finishConnect(fd, scratch))
                    .isInstanceOf(ConnectException.class)
                    .hasMessage("Connection refused");
            TcpSocket.close(fd);
        }
    }

    @Test
    void aResetConnectionFailsTheReceive() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK)) {
            int fd = connecting(server.getLocalPort());
            try (Socket accepted = server.accept()) {
                accepted.setSoLinger(true, 0);
            }

            assertThatThrownBy(() -> TcpSocket.receive(fd, buffer, 100))
                    .isInstanceOf(SocketException.class)
                    .hasMessage("Connection reset by peer");
            TcpSocket.close(fd);
        }
    }

    @Test
    void aWakeUpFromAnotherThreadEndsTheWaitOnceAndIsReportedAsSuch() throws Exception {
        try (Epoll epoll = new Epoll(8)) {
            Thread.ofVirtual().start(epoll::wake).join();

            assertThat(epoll.await(5_000)).isEqualTo(1);
            assertThat(epoll.token(0)).isEqualTo(Epoll.WAKE);
            assertThat(epoll.await(10)).as("taken").isZero();
        }
    }

    @Test
    void failuresAreTheJdksExceptionsWithStrerrorsText() {
        assertThat(TcpSocket.failure(KernelErrno.EHOSTUNREACH))
                .isInstanceOf(NoRouteToHostException.class)
                .hasMessage("No route to host");
        assertThat(TcpSocket.failure(KernelErrno.ENETUNREACH))
                .isExactlyInstanceOf(SocketException.class)
                .hasMessage("Network is unreachable");
        assertThat(TcpSocket.failure(KernelErrno.EPIPE))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("Broken pipe");
    }
}
