package io.jdirectord.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Directives of the global section only, ldirectord's and jdirectord's extensions. */
final class GlobalDirectives {

    private static final Set<String> FACILITIES = Set.of(
            "auth",
            "authpriv",
            "cron",
            "daemon",
            "ftp",
            "kern",
            "lpr",
            "mail",
            "news",
            "syslog",
            "user",
            "uucp",
            "local0",
            "local1",
            "local2",
            "local3",
            "local4",
            "local5",
            "local6",
            "local7");

    private final Values v;
    private final Resolution resolution;

    GlobalDirectives(Values values, Resolution resolution) {
        this.v = values;
        this.resolution = resolution;
    }

    DirectiveTable<GlobalDraft> table() {
        FallbackParser fallback = new FallbackParser(v);
        GlobalExtensions extensions = new GlobalExtensions(v, resolution);
        return new DirectiveTable<GlobalDraft>()
                .on("autoreload", (d, g) -> v.yesNo(d).ifPresent(b -> g.autoreload = b))
                .on("callback", (d, g) -> v.quoted(d).ifPresent(p -> g.callback = Paths.of(p)))
                .on(
                        "logfile",
                        (d, g) ->
                                v.quoted(d).flatMap(text -> logTarget(d, text)).ifPresent(t -> g.logTarget = t))
                .on(
                        "execute",
                        (d, g) -> v.nonEmpty(d, Values.unquote(d.value())).ifPresent(g.execute::add))
                .on("fork", (d, g) -> v.yesNo(d).ifPresent(b -> g.fork = b))
                .on("supervised", (d, g) -> supervised(d, g))
                .on("readdquiescent", (d, g) -> v.yesNo(d).ifPresent(b -> g.readdQuiescent = b))
                .on("emailalertfrom", (d, g) -> v.nonEmpty(d, d.value()).ifPresent(f -> g.emailAlertFrom = f))
                .on("maintenancedir", (d, g) -> maintenanceDir(d).ifPresent(p -> g.maintenanceDir = p))
                .on("fallback", (d, g) -> fallback.parse(d).ifPresent(f -> g.fallbackInet = f))
                .on("fallback6", (d, g) -> fallback.parse(d).ifPresent(f -> g.fallbackInet6 = f))
                .on(
                        "repairinterval",
                        (d, g) -> v.wholeNumber(d, 0, Integer.MAX_VALUE)
                                .ifPresent(n -> g.repairInterval = Duration.ofSeconds(n)))
                .on("syncdaemon", extensions::syncDaemon)
                .on("ipvstimeouts", (d, g) -> extensions.ipvsTimeouts(d).ifPresent(t -> g.ipvsTimeouts = t))
                .on("statusaddress", (d, g) -> extensions.statusAddress(d).ifPresent(a -> g.statusAddress = a))
                .on("trackfile", (d, g) -> extensions.trackFile(d).ifPresent(p -> g.trackFile = p));
    }

    private void supervised(Directive d, GlobalDraft g) {
        if (d.bare()) {
            v.diagnostics()
                    .warn(
                            d.line(),
                            "a bare \"supervised\" is read as supervised=yes;"
                                    + " write supervised=yes (as ldirectord asks)");
            g.supervised = true;
        } else {
            v.yesNo(d).ifPresent(b -> g.supervised = b);
        }
    }

    private Optional<LogTarget> logTarget(Directive d, String text) {
        if (text.startsWith("/")) {
            Path file = Paths.of(text);
            Path dir = file.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                v.diagnostics().warn(d.line(), "the directory of logfile " + Texts.quote(text) + " does not exist");
            } else if (Files.isDirectory(file)) {
                v.diagnostics()
                        .warn(
                                d.line(),
                                "logfile " + Texts.quote(text) + " is a directory; the failure log"
                                        + " cannot be written (name a file in it)");
            }
            return Optional.of(new LogTarget.File(file));
        }
        if (!FACILITIES.contains(text)) {
            return v.fail(
                    d,
                    "logfile must be a path starting with / or a syslog facility"
                            + " (daemon, local0 ... local7, ...), not " + Texts.quote(text));
        }
        return Optional.of(new LogTarget.Syslog(text));
    }

    private Optional<Path> maintenanceDir(Directive d) {
        return v.nonEmpty(d, Values.unquote(d.value())).map(text -> {
            Path dir = Paths.of(text);
            if (!Files.isDirectory(dir)) {
                v.diagnostics().warn(d.line(), "maintenance directory " + Texts.quote(text) + " does not exist");
            }
            return dir;
        });
    }
}
