package io.jdirectord.os;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

/** An open ICMP or ICMPv6 socket that sends echo requests and hands back what arrives, without blocking. */
public interface IcmpChannel extends Closeable {

    /**
     * Whether this is a raw socket: then the echo identifier is the sender's to choose, every ICMP packet
     * of the allowed types arrives (other processes' too), and IPv4 packets come with their IP header.
     * Otherwise it is a ping socket: the kernel sets the identifier and passes only this socket's replies,
     * and ICMP errors arrive as queued errors.
     */
    boolean raw();

    /** Sends one ICMP message (header and data); the kernel fills in what it owns (see {@link #raw()}). */
    void send(InetAddress target, byte[] message) throws IOException;

    /** The next packet or queued error if one is waiting; empty at once otherwise. */
    Optional<IcmpDatagram> receive() throws IOException;

    @Override
    void close();
}
