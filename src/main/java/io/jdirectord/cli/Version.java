package io.jdirectord.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version baked into the jar at build time. */
public final class Version implements IVersionProvider {

    /** The project version, e.g. {@code 0.1.0}; "unknown" when the build did not record it. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/io/jdirectord/version.properties")) {
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

    @Override
    public String[] getVersion() {
        return new String[] {"jdirectord " + current(), "Health-checking monitor for Linux Virtual Server"};
    }
}
