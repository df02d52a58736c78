package io.jdirectord.netlink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running kernel's major.minor release, for features the IPVS interface cannot announce (newer
 * destination attributes are silently ignored by older kernels).
 */
record KernelRelease(int major, int minor) {

    private static final Path OSRELEASE = Path.of("/proc/sys/kernel/osrelease");
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d{1,6})\\.(\\d{1,6})");
    /** Stands for a release that could not be read: every feature is then assumed present. */
    static final KernelRelease UNKNOWN = new KernelRelease(Integer.MAX_VALUE, 0);

    static KernelRelease current() {
        try {
            return parse(Files.readString(OSRELEASE).trim());
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** Parses {@code 6.1.0-56-amd64}; {@link #UNKNOWN} when the text does not start with major.minor. */
    static KernelRelease parse(String release) {
        Matcher matcher = MAJOR_MINOR.matcher(release);
        if (!matcher.find()) {
            return UNKNOWN;
        }
        return new KernelRelease(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }

    @Override
    public String toString() {
        return equals(UNKNOWN) ? "unknown" : major + "." + minor;
    }
}
