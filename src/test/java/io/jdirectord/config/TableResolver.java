package io.jdirectord.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A deterministic {@link NameResolver}: a few host names and the services of ldirectord's sample. */
final class TableResolver implements NameResolver {

    private final Map<String, InetAddress> hosts = new HashMap<>();
    private final ServicesFile services = ServicesFile.parse("""
            ftp 21/tcp
            smtp 25/tcp mail
            domain 53/tcp
            domain 53/udp
            http 80/tcp www
            pop3 110/tcp
            nntp 119/tcp
            ldap 389/tcp
            https 443/tcp
            mysql 3306/tcp
            sip 5060/tcp
            sip 5060/udp
            tcponly 7000/tcp
            """);

    TableResolver() {
        host("www.example.test", Family.INET, "192.0.2.80");
        host("www.example.test", Family.INET6, "2001:db8::80");
        host("v4only.example.test", Family.INET, "192.0.2.4");
        host("sql01", Family.INET, "10.0.1.1");
        host("sql03", Family.INET, "10.0.1.3");
        host("fallback.example.test", Family.INET, "127.0.0.9");
    }

    private void host(String name, Family family, String address) {
        try {
            hosts.put(name + "/" + family, InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    @Override
    public InetAddress resolveHost(String name, Family family) throws UnknownHostException {
        InetAddress address = hosts.get(name + "/" + family);
        if (address == null) {
            throw new UnknownHostException(name);
        }
        return address;
    }

    @Override
    public OptionalInt servicePort(String name, Optional<Protocol> protocol) {
        return services.port(name, protocol);
    }

    @Override
    public String hostName() {
        return "lb1";
    }
}
