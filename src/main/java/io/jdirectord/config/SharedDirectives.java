package io.jdirectord.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Directives allowed both globally and in virtual blocks, ldirectord's and jdirectord's extensions. */
final class SharedDirectives {

    private static final Pattern SMTP = Pattern.compile("[0-9A-Za-z._+-]+(:\\d{1,5})?");
    static final int MIN_RECEIVE = 1024;
    static final int MAX_RECEIVE = 4 * 1024 * 1024;
    /** The longest slow start: one day. */
    static final int MAX_SLOW_START = 86_400;

    private SharedDirectives() {}

    static DirectiveTable<SharedDraft> table(Values v) {
        return new DirectiveTable<SharedDraft>()
                .on("checktimeout", (d, s) -> v.lenientPositive(d, "of seconds").ifPresent(n -> s.checkTimeout = n))
                .on(
                        "negotiatetimeout",
                        (d, s) -> v.lenientPositive(d, "of seconds").ifPresent(n -> s.negotiateTimeout = n))
                .on("checkinterval", (d, s) -> v.interval(d).ifPresent(i -> s.checkInterval = i))
                .on("checkcount", (d, s) -> checkCount(v, d, s))
                .on("failurecount", (d, s) -> v.lenientPositive(d, "").ifPresent(n -> s.failureCount = n))
                .on(
                        "risecount",
                        (d, s) -> v.wholeNumber(d, 1, Integer.MAX_VALUE).ifPresent(n -> s.riseCount = n))
                .on(
                        "connecttimeout",
                        (d, s) -> v.fail(
                                d, "connecttimeout was replaced by negotiatetimeout" + " (ldirectord rejects it too)"))
                .on(
                        "timeout",
                        (d, s) -> v.fail(
                                d,
                                "timeout was replaced by checktimeout and negotiatetimeout"
                                        + " (ldirectord rejects it too)"))
                .on("fallbackcommand", (d, s) -> v.nonEmpty(d, d.value()).ifPresent(c -> s.fallbackCommand = c))
                .on("quiescent", (d, s) -> v.yesNo(d).ifPresent(b -> s.quiescent = b))
                .on("cleanstop", (d, s) -> v.yesNo(d).ifPresent(b -> s.cleanStop = b))
                .on(
                        "draintime",
                        (d, s) -> v.wholeNumber(d, 1, Integer.MAX_VALUE).ifPresent(n -> s.drainTime = n))
                .on(
                        "emailalert",
                        (d, s) -> s.emailAlert = Values.unquote(d.value()).strip())
                .on("emailalertfreq", (d, s) -> s.emailAlertFreq = emailAlertFreq(v, d))
                .on("emailalertstatus", (d, s) -> emailAlertStatus(v, d).ifPresent(set -> s.emailAlertStatus = set))
                .on("smtp", (d, s) -> smtp(v, d).ifPresent(h -> s.smtp = h))
                .on("verifycert", (d, s) -> v.yesNo(d).ifPresent(b -> s.verifyCert = b))
                .on(
                        "cacert",
                        (d, s) -> v.existingFile(d)
                                .filter(p -> usableCa(v, d, p))
                                .ifPresent(p -> {
                                    s.caCert = p;
                                    s.caCertLine = d.line();
                                }))
                .on("clientcert", (d, s) -> {
                    s.clientCertLine = d.line();
                    v.existingFile(d).ifPresent(p -> s.clientCert = p);
                })
                .on("clientkey", (d, s) -> {
                    s.clientKeyLine = d.line();
                    v.existingFile(d).ifPresent(p -> s.clientKey = p);
                })
                .on(
                        "maxreceive",
                        (d, s) -> v.wholeNumber(d, MIN_RECEIVE, MAX_RECEIVE).ifPresent(n -> s.maxReceive = n))
                .on("dynamicweight", (d, s) -> v.yesNo(d).ifPresent(b -> s.dynamicWeight = b))
                .on("followredirects", (d, s) -> v.yesNo(d).ifPresent(b -> s.followRedirects = b))
                .on("failsafe", (d, s) -> v.wholeNumber(d, 1, 99).ifPresent(n -> s.failsafe = n))
                .on("slowstart", (d, s) -> v.wholeNumber(d, 0, MAX_SLOW_START).ifPresent(n -> s.slowStart = n))
                .on("agentport", (d, s) -> v.wholeNumber(d, 1, 65535).ifPresent(n -> s.agentPort = n))
                .on("agentinterval", (d, s) -> v.interval(d).ifPresent(i -> s.agentInterval = i))
                .on(
                        "agentsend",
                        (d, s) -> v.nonEmpty(d, Values.unquote(d.value())).ifPresent(t -> s.agentSend = t));
    }

    private static void checkCount(Values v, Directive d, SharedDraft s) {
        v.diagnostics()
                .warn(
                        d.line(),
                        "checkcount is deprecated and slated for removal (as in ldirectord);" + " see failurecount");
        v.lenientPositive(d, "").ifPresent(n -> s.checkCount = n);
    }

    /** ldirectord reads the leading digits; no digits at all is 0 (no reminders). */
    private static int emailAlertFreq(Values v, Directive d) {
        String value = d.value();
        int end = 0;
        while (end < value.length() && end < 10 && Character.isDigit(value.charAt(end))) {
            end++;
        }
        long seconds = end == 0 ? 0 : Long.parseLong(value.substring(0, end));
        if (seconds > Integer.MAX_VALUE) {
            v.fail(d, "emailalertfreq is too large: " + Texts.quote(value));
            return 0;
        }
        if (end < value.length()) {
            v.diagnostics()
                    .warn(
                            d.line(),
                            "emailalertfreq=" + Texts.cut(value) + " read as " + seconds
                                    + " (ldirectord reads the leading digits only)");
        }
        return (int) seconds;
    }

    private static Optional<Set<DaemonStatus>> emailAlertStatus(Values v, Directive d) {
        Set<DaemonStatus> statuses = EnumSet.noneOf(DaemonStatus.class);
        String[] names = d.value().split("\\s*,\\s*");
        boolean none = false;
        for (String name : names) {
            switch (name) {
                case "all" -> statuses.addAll(EnumSet.allOf(DaemonStatus.class));
                case "none" -> none = true;
                case "starting", "running", "stopping", "reloading" ->
                    statuses.add(DaemonStatus.valueOf(name.toUpperCase(Locale.ROOT)));
                default -> {
                    return v.fail(
                            d,
                            "invalid email alert status " + Texts.quote(name)
                                    + " (all, none, starting, running, stopping, reloading)");
                }
            }
        }
        if (none && names.length > 1) {
            String other = names[0].equals("none") ? names[1] : names[0];
            return v.fail(d, "invalid email alert status: " + Texts.quote(other) + " specified with \"none\"");
        }
        return Optional.of(none ? Set.of() : Set.copyOf(statuses));
    }

    private static Optional<String> smtp(Values v, Directive d) {
        if (!SMTP.matcher(d.value()).matches()) {
            return v.fail(
                    d, "smtp must be a host name or address with an optional :PORT, not " + Texts.quote(d.value()));
        }
        return Optional.of(d.value());
    }

    /** Whether TLS checks can trust the certificates of the cacert file; reports why not. */
    private static boolean usableCa(Values v, Directive d, java.nio.file.Path file) {
        Optional<String> problem = CaCertificates.problem(file);
        problem.ifPresent(p -> v.diagnostics().error(d.line(), "cacert " + Texts.quote(file.toString()) + " " + p));
        return problem.isEmpty();
    }
}
