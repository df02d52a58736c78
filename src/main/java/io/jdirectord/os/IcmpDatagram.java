package io.jdirectord.os;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One thing read from an {@link IcmpChannel}: an ICMP packet that arrived, or an ICMP error the kernel
 * queued for a ping socket.
 *
 * @param bytes       for a packet from a raw IPv4 socket, the IPv4 header and the ICMP message; for a
 *                    packet from any other socket, the ICMP message; for a queued error, the echo request
 *                    this socket sent that the error is about
 * @param source      who sent the packet; for a queued error, who reported it
 * @param queuedError the ICMP type and code of a queued error; empty for a packet
 */
@SuppressWarnings("ArrayRecordComponent") // never compared: equals is not used
public record IcmpDatagram(byte[] bytes, InetAddress source, Optional<QueuedError> queuedError) {

    /** The ICMP (or ICMPv6) type and code the kernel recorded for a queued error. */
    public record QueuedError(int type, int code) {}
}
