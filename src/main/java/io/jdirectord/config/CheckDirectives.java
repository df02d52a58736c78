package io.jdirectord.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The check directives of a virtual block (checktype, service, request, receive and the rest). */
final class CheckDirectives {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern WORD = Pattern.compile("[\\w-]+");

    private final Values v;
    private final String hostName;

    /** @param hostName this machine's name, for the login defaults of service=ftp and service=sip */
    CheckDirectives(Values values, String hostName) {
        this.v = values;
        this.hostName = hostName;
    }

    DirectiveTable<VirtualDraft> table() {
        return new DirectiveTable<VirtualDraft>()
                .on("checktype", this::checkType)
                .on("service", this::service)
                .on("request", (d, x) -> v.quoted(d).ifPresent(r -> x.request = r.startsWith("/") ? r : "/" + r))
                .on("receive", (d, x) -> v.quoted(d).ifPresent(r -> x.receive = r))
                .on("httpmethod", this::httpMethod)
                .on("httpversion", this::httpVersion)
                .on(
                        "virtualhost",
                        (d, x) -> v.nonEmpty(d, Values.unquote(d.value())).ifPresent(h -> x.virtualHost = h))
                .on("login", (d, x) -> v.quoted(d).ifPresent(s -> x.login = s))
                .on("passwd", (d, x) -> v.quoted(d).ifPresent(s -> x.passwd = s))
                .on("database", (d, x) -> v.quoted(d).ifPresent(s -> x.database = s))
                .on("secret", (d, x) -> v.quoted(d).ifPresent(s -> x.secret = s))
                .on(
                        "load",
                        (d, x) -> v.quoted(d)
                                .ifPresent(s -> v.diagnostics()
                                        .warn(d.line(), "load is accepted and ignored (ldirectord ignores it too)")))
                .on(
                        "checkcommand",
                        (d, x) -> v.nonEmpty(d, Values.unquote(d.value())).ifPresent(c -> x.checkCommand = c))
                .on("checkport", this::checkPort)
                .on("sshkey", (d, x) -> v.existingFile(d).ifPresent(p -> x.sshKey = p));
    }

    /** A number anywhere in the value is the combined check with that many connects (ldirectord). */
    private void checkType(Directive d, VirtualDraft x) {
        Matcher digits = DIGITS.matcher(d.value());
        if (digits.find()) {
            combined(d, x, digits.group());
            return;
        }
        Matcher word = WORD.matcher(d.value());
        Optional<CheckType> type = word.lookingAt() ? checkTypeNamed(word.group()) : Optional.empty();
        if (type.isEmpty() || type.get() == CheckType.COMBINED) {
            v.fail(
                    d,
                    "checktype must be connect, negotiate, ping, off, on, external, external-perl or a number,"
                            + " not " + Texts.quote(d.value()));
            return;
        }
        if (word.end() < d.value().length()) {
            v.diagnostics()
                    .warn(
                            d.line(),
                            "text after checktype=" + word.group() + " ignored: "
                                    + Texts.quote(
                                            d.value().substring(word.end()).strip()));
        }
        x.checkType = type.get();
        x.hybridConnects = 0;
    }

    private void combined(Directive d, VirtualDraft x, String digits) {
        if (digits.length() > 9) {
            v.fail(d, "checktype is too large: " + Texts.quote(d.value()));
            return;
        }
        int n = Integer.parseInt(digits);
        if (!digits.equals(d.value())) {
            v.diagnostics()
                    .warn(
                            d.line(),
                            "checktype=" + Texts.cut(d.value()) + " read as checktype=" + n
                                    + " (ldirectord makes any value with a number a combined check)");
        } else if (n == 0) {
            v.diagnostics().warn(d.line(), "checktype=0 negotiates at every check, like checktype=negotiate");
        }
        x.checkType = CheckType.COMBINED;
        x.hybridConnects = n;
    }

    private static Optional<CheckType> checkTypeNamed(String name) {
        return Arrays.stream(CheckType.values())
                .filter(t -> t.ldName().equals(name))
                .findFirst();
    }

    /** ldirectord side effects: service=ftp sets an anonymous login, service=sip a SIP user, when none is set. */
    private void service(Directive d, VirtualDraft x) {
        Optional<ServiceKind> kind = ServiceKind.byName(d.value());
        if (kind.isEmpty()) {
            v.fail(
                    d,
                    "service must be one of "
                            + Arrays.stream(ServiceKind.values())
                                    .map(ServiceKind::ldName)
                                    .sorted()
                                    .collect(Collectors.joining(" "))
                            + ", not " + Texts.quote(d.value()));
            return;
        }
        x.service = kind.get();
        if (x.service == ServiceKind.FTP) {
            x.login = x.login == null ? "anonymous" : x.login;
            x.passwd = x.passwd == null ? "jdirectord@" + hostName : x.passwd;
        } else if (x.service == ServiceKind.SIP && x.login == null) {
            x.login = "jdirectord@" + hostName;
        }
    }

    private void httpMethod(Directive d, VirtualDraft x) {
        switch (d.value().toUpperCase(Locale.ROOT)) {
            case "GET" -> x.httpMethod = HttpMethod.GET;
            case "HEAD" -> x.httpMethod = HttpMethod.HEAD;
            default -> v.fail(d, "httpmethod must be GET or HEAD, not " + Texts.quote(d.value()));
        }
    }

    private void httpVersion(Directive d, VirtualDraft x) {
        switch (Values.unquote(d.value()).strip()) {
            case "1.1" -> x.httpVersion = HttpVersion.HTTP_1_1;
            case "2", "2.0" -> x.httpVersion = HttpVersion.HTTP_2;
            default -> v.fail(d, "httpversion must be 1.1 or 2, not " + Texts.quote(d.value()));
        }
    }

    private void checkPort(Directive d, VirtualDraft x) {
        v.lenientPositive(d, "").ifPresent(port -> {
            if (port > 65535) {
                v.fail(d, "checkport must be in range 1..65535, not " + Texts.quote(d.value()));
            } else {
                x.checkPort = port;
            }
        });
    }
}
