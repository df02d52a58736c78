package io.jdirectord.daemon;

import io.jdirectord.config.ConfigException;
import io.jdirectord.config.ConfigParser;
import java.io.IOException;
import java.io.PrintWriter;

/** The running monitor. */
public final class Daemon {

    private Daemon() {
    }

    /**
     * Runs in the foreground until stopped.
     *
     * @return the process exit status: 0 after a clean stop, 2 for a configuration error, 1 otherwise
     */
    public static int run(DaemonOptions options, PrintWriter err) {
        try {
            new ConfigParser().parse(options.configFile());
            return 0;
        } catch (ConfigException e) {
            e.errors().forEach(err::println);
            return 2;
        } catch (IOException e) {
            err.println(options.configFile() + ": cannot read: " + e.getMessage());
            return 1;
        }
    }
}
