package io.jdirectord.daemon.notify;

import io.jdirectord.os.UnixDatagram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Delivers one notification (newline-separated VAR=value assignments) to the service manager. */
@FunctionalInterface
public interface NotifySender {

    void send(String message) throws IOException;

    /** Sends each message as one datagram to the unix socket {@code socket} (path or '@'abstract name). */
    static NotifySender toSocket(String socket) {
        return message -> UnixDatagram.send(socket, message.getBytes(StandardCharsets.UTF_8));
    }
}
