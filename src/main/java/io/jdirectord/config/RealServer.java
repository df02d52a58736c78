package io.jdirectord.config;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One real server of a virtual service (a {@code real=} range expands into one per address).
 *
 * @param address        resolved address
 * @param port           resolved port; 0 when omitted (fwmark services)
 * @param forwarding     gate, masq or ipip
 * @param weight         configured weight, 0..65535 (default 1)
 * @param lowerThreshold lower connection threshold (l:N), 0 = none
 * @param upperThreshold upper connection threshold (u:N), 0 = none
 * @param request        per-real request (leading "/" added) overriding the virtual's
 * @param receive        per-real receive overriding the virtual's
 * @param line           1-based line of the {@code real=} directive
 */
public record RealServer(
        InetAddress address,
        int port,
        Forwarding forwarding,
        int weight,
        int lowerThreshold,
        int upperThreshold,
        Optional<String> request,
        Optional<String> receive,
        int line) {

    /** The identity of this real server within its virtual service. */
    public Endpoint endpoint() {
        return new Endpoint(address, port);
    }
}
