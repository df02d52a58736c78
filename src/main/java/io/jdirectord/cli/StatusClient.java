package io.jdirectord.cli;

import io.jdirectord.daemon.Daemon;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the running daemon for its status over the control socket next to its pid file. */
final class StatusClient {

    private StatusClient() {}

    /** The daemon's report, or empty when its socket does not answer. */
    static Optional<String> ask(Path pidFile, boolean json) {
        return request(pidFile, json ? "status json" : "status");
    }

    /** The daemon's answer to one request line ({@code status}, {@code status json}, {@code health}), or empty. */
    static Optional<String> request(Path pidFile, String request) {
        Path socket = Daemon.controlSocketFor(pidFile);
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
            return Optional.of(new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
