package io.jdirectord.config;

/** Placeholder until the parser lands. */
public final class ConfigSummary {

    private ConfigSummary() {
    }

    public static String format(Config config) {
        return "";
    }
}
