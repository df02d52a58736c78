package io.jdirectord.daemon;

import io.jdirectord.config.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code maintenancedir}: a file named after a real server forces it down. Names tried, in
 * ldirectord's order: {@code <ip>:<port>}, {@code <ip>}, {@code <fqdn>:<port>}, {@code <fqdn>},
 * {@code <short>:<port>}, {@code <short>}; IPv6 addresses in brackets. The port is the real's port.
 * The host name comes from a reverse lookup made once when the configuration is loaded (ldirectord
 * looks it up before every check).
 */
public final class MaintenanceDirectory {

    private static final Pattern SHORT_NAME = Pattern.compile("^([a-z][a-z0-9\\-]+)\\.");

    private final Path directory;

    public MaintenanceDirectory(Path directory) {
        this.directory = directory;
    }

    /** The file names that would put this real server into maintenance, in the order they are tried. */
    public static List<String> candidateNames(Endpoint real, Optional<String> hostName) {
        List<String> names = new ArrayList<>();
        String port = ":" + real.port();
        names.add(real.host() + port);
        names.add(real.host());
        hostName.filter(name -> !name.equals(real.address().getHostAddress())).ifPresent(fqdn -> {
            names.add(fqdn + port);
            names.add(fqdn);
            Matcher shortName = SHORT_NAME.matcher(fqdn);
            if (shortName.find()) {
                names.add(shortName.group(1) + port);
                names.add(shortName.group(1));
            }
        });
        return names;
    }

    /** The first existing maintenance file for this real server, if any. */
    public Optional<String> maintenanceFile(List<String> candidateNames) {
        return candidateNames.stream().filter(name -> Files.exists(directory.resolve(name))).findFirst();
    }
}
