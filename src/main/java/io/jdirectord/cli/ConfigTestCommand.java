package io.jdirectord.cli;

import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigException;
import io.jdirectord.config.ConfigMessage;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.config.ConfigSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code jdirectord -t CONFIG}: validate, print warnings to stderr and the summary to stdout. */
final class ConfigTestCommand {

    private final PrintWriter out;
    private final PrintWriter err;

    ConfigTestCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int run(Path file) {
        try {
            Config config = new ConfigParser().parse(file);
            config.warnings().forEach(warning -> err.println(warning.asWarning()));
            out.print(ConfigSummary.format(config));
            out.println(file + ": configuration OK");
            return ExitStatus.OK;
        } catch (ConfigException e) {
            e.errors().forEach(error -> err.println(error));
            err.println(file + ": " + e.errors().size() + " error(s), configuration rejected");
            return ExitStatus.USAGE;
        } catch (IOException e) {
            err.println(new ConfigMessage(file, 0, "cannot read: " + e.getMessage()));
            return ExitStatus.USAGE;
        }
    }
}
