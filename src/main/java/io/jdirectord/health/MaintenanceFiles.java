package io.jdirectord.health;

import io.jdirectord.config.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file names that put a real server in maintenance, in ldirectord's order: {@code ip:port},
 * {@code ip}, {@code fqdn:port}, {@code fqdn}, {@code short:port}, {@code short}. The port is the real's
 * configured port; an IPv6 address is in brackets in its compressed form ({@code [2001:db8::1]:80});
 * the short name is the first label of a lower-case host name. Pure: the daemon resolves the name, looks
 * the files up and calls {@link HealthRegistry#maintenance}.
 */
public final class MaintenanceFiles {

    private static final Pattern SHORT = Pattern.compile("^([a-z][a-z0-9\\-]+)\\.");

    private MaintenanceFiles() {}

    /**
     * @param real     the real server's address and configured port
     * @param hostName the reverse-DNS name of its address, when it has one
     */
    public static List<String> names(Endpoint real, Optional<String> hostName) {
        List<String> names = new ArrayList<>(6);
        addWithPort(names, real.host(), real.port());
        hostName.ifPresent(fqdn -> {
            addWithPort(names, fqdn, real.port());
            Matcher shortName = SHORT.matcher(fqdn);
            if (shortName.find()) {
                addWithPort(names, shortName.group(1), real.port());
            }
        });
        return names;
    }

    private static void addWithPort(List<String> names, String host, int port) {
        names.add(host + ":" + port);
        names.add(host);
    }
}
