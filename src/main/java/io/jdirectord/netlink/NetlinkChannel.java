package io.jdirectord.netlink;

import java.nio.ByteBuffer;
import java.util.Optional;

/** A datagram channel to the kernel's generic netlink; {@link NetlinkSocket} is the real one. */
interface NetlinkChannel extends AutoCloseable {

    /** Sends one datagram, which may hold several messages. */
    void send(byte[] datagram) throws NetlinkException;

    /** Waits (up to the channel's receive timeout) for the next datagram. */
    ByteBuffer receive() throws NetlinkException;

    /** The next datagram if one is already queued. */
    Optional<ByteBuffer> poll() throws NetlinkException;

    @Override
    void close();
}
