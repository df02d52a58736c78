package io.jdirectord.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The name lookups the parser makes at load time, as ldirectord does (getaddrinfo, getservbyname, the host
 * name). {@link SystemNameResolver} asks the system; tests pass a table.
 */
public interface NameResolver {

    /**
     * The first address of a host name in a family.
     *
     * @throws UnknownHostException when the name has no address of that family
     */
    InetAddress resolveHost(String name, Family family) throws UnknownHostException;

    /**
     * The port of a service name, like getservbyname: aliases count; with a protocol only entries of that
     * protocol ("tcp" or "udp") match, without one the first entry of any protocol.
     */
    OptionalInt servicePort(String name, Optional<Protocol> protocol);

    /** This machine's host name (ldirectord: $HOSTNAME, else the kernel's node name). */
    String hostName();
}
