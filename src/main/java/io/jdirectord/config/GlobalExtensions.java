package io.jdirectord.config;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** The global-only extension directives: syncdaemon, ipvstimeouts, statusaddress, trackfile. */
final class GlobalExtensions {

    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9._@-]{1,15}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final Values v;
    private final Resolution resolution;

    GlobalExtensions(Values values, Resolution resolution) {
        this.v = values;
        this.resolution = resolution;
    }

    /** {@code syncdaemon = master|backup INTERFACE [SYNCID]}; at most one per state. */
    void syncDaemon(Directive d, GlobalDraft g) {
        String[] words = d.value().split("\\s+");
        String usage = "syncdaemon must be master|backup INTERFACE [SYNCID], not " + Texts.quote(d.value());
        if (words.length < 2
                || words.length > 3
                || !words[0].matches("master|backup")
                || !INTERFACE.matcher(words[1]).matches()) {
            v.fail(d, usage);
            return;
        }
        SyncDaemonSetting.State state =
                words[0].equals("master") ? SyncDaemonSetting.State.MASTER : SyncDaemonSetting.State.BACKUP;
        Optional<Integer> syncId =
                words.length == 3 ? v.wholeNumber(d, "syncdaemon SYNCID", words[2], 0, 255) : Optional.of(0);
        if (syncId.isEmpty()) {
            return;
        }
        for (SyncDaemonSetting other : g.syncDaemons) {
            if (other.state() == state) {
                v.fail(d, "syncdaemon " + words[0] + " is given twice (also at line " + other.line() + ")");
                return;
            }
        }
        g.syncDaemons.add(new SyncDaemonSetting(state, words[1], syncId.get(), d.line()));
    }

    /** {@code ipvstimeouts = TCP TCPFIN UDP}, whole seconds, 0 = unchanged. */
    Optional<IpvsTimeoutSetting> ipvsTimeouts(Directive d) {
        String[] words = d.value().split("\\s+");
        if (words.length != 3
                || !DIGITS.matcher(words[0]).matches()
                || !DIGITS.matcher(words[1]).matches()
                || !DIGITS.matcher(words[2]).matches()) {
            return v.fail(
                    d,
                    "ipvstimeouts must be three whole numbers of seconds (TCP TCPFIN UDP), not "
                            + Texts.quote(d.value()));
        }
        for (String word : words) {
            if (word.length() > 10 || Long.parseLong(word) > Integer.MAX_VALUE) {
                return v.fail(d, "ipvstimeouts is too large: " + Texts.quote(d.value()));
            }
        }
        return Optional.of(new IpvsTimeoutSetting(seconds(words[0]), seconds(words[1]), seconds(words[2])));
    }

    private static Duration seconds(String digits) {
        return Duration.ofSeconds(Long.parseLong(digits));
    }

    /**
     * {@code statusaddress = HOST:PORT}, {@code [IPV6]:PORT}, or {@code PORT} alone for 127.0.0.1:PORT; a
     * host name is resolved to IPv4.
     */
    Optional<InetSocketAddress> statusAddress(Directive d) {
        boolean portOnly = !d.value().isEmpty() && d.value().chars().allMatch(c -> c >= '0' && c <= '9');
        Optional<HostPort> hostPort = HostPort.split(portOnly ? "127.0.0.1:" + d.value() : d.value())
                .filter(h -> !h.host().isEmpty() && h.port().isPresent());
        if (hostPort.isEmpty()) {
            return v.fail(d, "statusaddress must be HOST:PORT, [IPV6]:PORT or PORT, not " + Texts.quote(d.value()));
        }
        HostPort h = hostPort.get();
        Family family = h.bracketed() ? Family.INET6 : Family.INET;
        var address = resolution.address(d.line(), h, family, "statusaddress", "the status address");
        var port = resolution.port(d.line(), h.port().get(), Optional.of(Protocol.TCP), "the status address");
        return address.isPresent() && port.isPresent()
                ? Optional.of(new InetSocketAddress(address.get(), port.get()))
                : Optional.empty();
    }

    /**
     * {@code trackfile = /PATH}: the file where the director's health is kept as a number for keepalived's
     * track_file. An absolute path; a missing directory is a warning (it may be made before the start).
     */
    Optional<Path> trackFile(Directive d) {
        Optional<String> text = v.nonEmpty(d, Values.unquote(d.value()));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.get().startsWith("/")) {
            return v.fail(d, "trackfile must be an absolute path, not " + Texts.quote(text.get()));
        }
        Path file = Paths.of(text.get());
        Path directory = file.getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            v.diagnostics().warn(d.line(), "the directory of trackfile " + Texts.quote(text.get()) + " does not exist");
        }
        return Optional.of(file);
    }
}
