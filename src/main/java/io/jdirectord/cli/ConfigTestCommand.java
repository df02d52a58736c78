package io.jdirectord.cli;

import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigException;
import io.jdirectord.config.ConfigMessage;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.config.ConfigSummary;
import io.jdirectord.daemon.log.FileErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code jdirectord -t CONFIG}: validate, print warnings to stderr and the summary to stdout. A rejected file's
 * warnings are printed too, in line order among its errors, since a warning often explains an error.
 */
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
            messages(e).forEach(err::println);
            err.println(file + ": " + e.errors().size() + " error(s), configuration rejected");
            return ExitStatus.USAGE;
        } catch (IOException e) {
            err.println(new ConfigMessage(file, 0, "cannot read: " + FileErrors.cause(e)));
            return ExitStatus.USAGE;
        }
    }

    /** Errors and warnings of a rejected file, each as the operator reads it, in line order. */
    private static List<String> messages(ConfigException e) {
        List<ConfigMessage> all = new ArrayList<>(e.errors());
        all.addAll(e.warnings());
        all.sort(Comparator.comparingInt(ConfigMessage::line));
        return all.stream()
                .map(m -> e.warnings().contains(m) ? m.asWarning() : m.toString())
                .toList();
    }
}
