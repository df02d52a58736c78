package io.jdirectord.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts recorded at build time. */
public final class BuildInfo {

    private BuildInfo() {}

    /** The project version, e.g. {@code 0.1.0}; "unknown" when the build did not record it. */
    public static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/jdirectord/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
