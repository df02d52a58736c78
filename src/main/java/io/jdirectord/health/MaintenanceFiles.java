package io.jdirectord.health;

import io.jdirectord.config.Endpoint;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file names that put a real server in maintenance, in ldirectord's order (§7.6): {@code ip:port},
 * {@code ip}, {@code fqdn:port}, {@code fqdn}, {@code short:port}, {@code short}. The port is the real's
 * configured port; an IPv6 address is in brackets in its compressed form ({@code [2001:db8::1]:80});
 * the short name is the first label of a lower-case host name. Pure: the daemon resolves the name, looks
 * the files up and calls {@link HealthRegistry#maintenance}.
 */
public final class MaintenanceFiles {

    private static final Pattern SHORT = Pattern.compile("^([a-z][a-z0-9\\-]+)\\.");

    private MaintenanceFiles() {
    }

    /**
     * @param real     the real server's address and configured port
     * @param hostName the reverse-DNS name of its address, when it has one
     */
    public static List<String> names(Endpoint real, Optional<String> hostName) {
        List<String> names = new ArrayList<>(6);
        addWithPort(names, address(real), real.port());
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

    private static String address(Endpoint real) {
        if (real.address() instanceof Inet6Address v6) {
            return "[" + compressed(v6.getAddress()) + "]";
        }
        return real.address().getHostAddress();
    }

    /** RFC 5952 text: lower-case hex, leading zeros dropped, the longest run of two or more zero groups as "::". */
    static String compressed(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                text.append(text.isEmpty() || text.charAt(text.length() - 1) == ':' ? "" : ":")
                        .append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }
}
