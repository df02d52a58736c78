package io.jdirectord.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the Oracle JDBC driver is looked for. jdirectord does not ship it (it is large and licensed by
 * Oracle): the operator puts ojdbc11.jar into one of these places, searched in order, the first that
 * holds an {@code ojdbc*.jar} winning:
 * <ol>
 * <li>the directory named by the system property {@value #DIRECTORY_PROPERTY} (every jar in it);</li>
 * <li>{@code /usr/share/jdirectord/jdbc}, which the package creates (every jar in it, so companions
 *     such as orai18n.jar come along);</li>
 * <li>{@code /usr/share/java} (only its {@code ojdbc*.jar}).</li>
 * </ol>
 */
public final class OracleDriverJars {

    /** The system property naming a directory searched first (set it in JDIRECTORD_JAVA_OPTS). */
    public static final String DIRECTORY_PROPERTY = "jdirectord.jdbc.dir";
    /** The directory the Debian package creates for the driver. */
    public static final Path PACKAGE_DIRECTORY = Path.of("/usr/share/jdirectord/jdbc");

    private static final Path SYSTEM_JAVA = Path.of("/usr/share/java");
    private static final String DRIVER_JARS = "ojdbc*.jar";

    /** One place searched: a directory and the jars of it that are taken. */
    public record Location(Path directory, String glob) {}

    private final List<Location> locations;

    public OracleDriverJars(List<Location> locations) {
        this.locations = List.copyOf(locations);
    }

    /** The standard places, the property's directory first when it is set. */
    public static OracleDriverJars standard() {
        List<Location> locations = new ArrayList<>();
        String override = System.getProperty(DIRECTORY_PROPERTY, "");
        if (!override.isBlank()) {
            locations.add(new Location(Path.of(override), "*.jar"));
        }
        locations.add(new Location(PACKAGE_DIRECTORY, "*.jar"));
        locations.add(new Location(SYSTEM_JAVA, DRIVER_JARS));
        return new OracleDriverJars(locations);
    }

    /** The jars of the first place that holds the driver; empty when none does. */
    public Optional<List<Path>> find() {
        for (Location location : locations) {
            if (!list(location.directory(), DRIVER_JARS).isEmpty()) {
                return Optional.of(list(location.directory(), location.glob()));
            }
        }
        return Optional.empty();
    }

    /** Where to put the driver, for a warning or a down reason. */
    public String advice() {
        List<String> places =
                locations.stream().map(l -> l.directory() + "/" + DRIVER_JARS).toList();
        return "no Oracle JDBC driver found (looked for " + String.join(", ", places) + "); download ojdbc11.jar"
                + " from Oracle and put it in " + PACKAGE_DIRECTORY + ", or name its directory with -D"
                + DIRECTORY_PROPERTY + "=DIR in JDIRECTORD_JAVA_OPTS";
    }

    /** Warns at {@code line} (a service = oracle) when no driver is found. */
    void warnWhenMissing(Diagnostics diagnostics, int line) {
        if (find().isEmpty()) {
            diagnostics.warn(line, "service = oracle: " + advice() + "; until then its real servers are down");
        }
    }

    private static List<Path> list(Path directory, String glob) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob)) {
            stream.forEach(jar -> {
                if (Files.isRegularFile(jar) && Files.isReadable(jar)) {
                    jars.add(jar);
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        jars.sort(null);
        return jars;
    }
}
