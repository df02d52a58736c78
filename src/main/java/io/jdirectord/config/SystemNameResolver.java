package io.jdirectord.config;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Name lookups through the system: the JDK resolver for hosts, /etc/services for service names (Java has no
 * getservbyname; the built-in table of {@link ServicesFile} is used when the file is absent).
 */
public final class SystemNameResolver implements NameResolver {

    private static final Path SERVICES = Path.of("/etc/services");
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private final Path servicesPath;
    private ServicesFile services;

    public SystemNameResolver() {
        this(SERVICES);
    }

    /** A resolver reading service names from another file (for tests). */
    public SystemNameResolver(Path servicesPath) {
        this.servicesPath = servicesPath;
    }

    @Override
    public InetAddress resolveHost(String name, Family family) throws UnknownHostException {
        Class<? extends InetAddress> wanted = family == Family.INET ? Inet4Address.class : Inet6Address.class;
        for (InetAddress address : InetAddress.getAllByName(name)) {
            if (wanted.isInstance(address)) {
                return address;
            }
        }
        throw new UnknownHostException(name + ": no " + (family == Family.INET ? "IPv4" : "IPv6") + " address");
    }

    @Override
    public synchronized OptionalInt servicePort(String name, Optional<Protocol> protocol) {
        if (services == null) {
            services = loadServices();
        }
        return services.port(name, protocol);
    }

    private ServicesFile loadServices() {
        try {
            return ServicesFile.parse(Files.readString(servicesPath, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return ServicesFile.builtIn();
        }
    }

    @Override
    public String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return Files.readString(KERNEL_HOSTNAME, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
