package io.jdirectord.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the value of {@code real=} / {@code real6=} as ldirectord's read_config reads it:
 * {@code HOST[->HOST][:PORT] gate|masq|ipip [WEIGHT] ["REQUEST"(,| )"RECEIVE"] [l:N] [u:N]}.
 * Unlike ldirectord the whole line must be understood, and {@code HOST::PORT} (a typo in ldirectord's own
 * sample that ldirectord reads as a bogus address) is read as {@code HOST:PORT} with a warning.
 */
final class RealLineParser {

    private static final Pattern THRESHOLD = Pattern.compile("([lu]):(\\d+)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    static final String FLAGS_SYNTAX = "[WEIGHT] [\"REQUEST\" \"RECEIVE\"] [l:N] [u:N]";

    private final Values values;
    private final Diagnostics diagnostics;

    RealLineParser(Values values) {
        this.values = values;
        this.diagnostics = values.diagnostics();
    }

    Optional<RealDraft> parse(Directive d, Family family) {
        String value = d.value();
        int blank = firstBlank(value);
        if (blank < 0) {
            return values.fail(d, "real server needs a forwarding method (gate, masq or ipip): " + d.quoted());
        }
        Optional<RealAddress> address = RealAddress.parse(d, value.substring(0, blank), values);
        String flags = value.substring(blank).strip();
        Optional<List<FlagTokens.Token>> tokens = FlagTokens.split(flags);
        if (tokens.isEmpty()) {
            return values.fail(d, "real server line has a quote that is not closed: " + d.quoted());
        }
        Optional<RealFlags> parsed = flags(d, flags, tokens.get());
        if (address.isEmpty() || parsed.isEmpty()) {
            return Optional.empty();
        }
        RealAddress a = address.get();
        RealFlags f = parsed.get();
        return Optional.of(new RealDraft(
                d.line(),
                family,
                a.first(),
                a.last(),
                a.port(),
                f.forwarding,
                f.weight,
                f.request,
                f.receive,
                f.lower,
                f.upper));
    }

    private static int firstBlank(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The flags after the address, filled in order. */
    private static final class RealFlags {
        Forwarding forwarding;
        int weight = 1;
        Optional<String> request = Optional.empty();
        Optional<String> receive = Optional.empty();
        int lower;
        int upper;
    }

    private Optional<RealFlags> flags(Directive d, String text, List<FlagTokens.Token> tokens) {
        RealFlags flags = new RealFlags();
        Optional<Forwarding> forwarding = tokens.isEmpty() ? Optional.empty() : forwarding(tokens.get(0));
        if (forwarding.isEmpty()) {
            String first = tokens.isEmpty() ? "" : tokens.get(0).text();
            return values.fail(d, "forwarding method must be gate, masq or ipip, not " + Texts.quote(first));
        }
        flags.forwarding = forwarding.get();
        int next = weight(d, tokens, 1, flags);
        next = requestReceive(d, tokens, next, flags);
        next = thresholds(d, tokens, next, flags);
        if (next < 0) {
            return Optional.empty();
        }
        if (next < tokens.size()) {
            return values.fail(
                    d,
                    "real server: cannot understand "
                            + Texts.quote(text.substring(tokens.get(next).start())) + " (expected " + FLAGS_SYNTAX
                            + " after the forwarding method)");
        }
        return Optional.of(flags);
    }

    private static Optional<Forwarding> forwarding(FlagTokens.Token token) {
        return token.quoted() ? Optional.empty() : Forwarding.byLdName(token.text());
    }

    private int weight(Directive d, List<FlagTokens.Token> tokens, int at, RealFlags flags) {
        if (at >= tokens.size()
                || tokens.get(at).quoted()
                || !DIGITS.matcher(tokens.get(at).text()).matches()) {
            return at;
        }
        Optional<Integer> weight =
                values.wholeNumber(d, "weight", tokens.get(at).text(), 0, 65535);
        weight.ifPresent(w -> flags.weight = w);
        return weight.isPresent() ? at + 1 : -1;
    }

    private int requestReceive(Directive d, List<FlagTokens.Token> tokens, int at, RealFlags flags) {
        if (at < 0 || at >= tokens.size() || !tokens.get(at).quoted()) {
            return at;
        }
        int second = at + 1 < tokens.size() && tokens.get(at + 1).isWord(",") ? at + 2 : at + 1;
        if (second >= tokens.size() || !tokens.get(second).quoted()) {
            values.fail(d, "real server: a quoted request must be followed by a quoted receive string: " + d.quoted());
            return -1;
        }
        String request = tokens.get(at).text();
        String receive = tokens.get(second).text();
        if (THRESHOLD.matcher(request).matches() && THRESHOLD.matcher(receive).matches()) {
            diagnostics.warn(
                    d.line(),
                    "\"" + request + "\" \"" + receive + "\" read as request and receive"
                            + " strings, as ldirectord does; write " + request + " " + receive
                            + " without quotes for connection thresholds");
        }
        flags.request = Optional.of(request.startsWith("/") ? request : "/" + request);
        flags.receive = Optional.of(receive);
        return second + 1;
    }

    private int thresholds(Directive d, List<FlagTokens.Token> tokens, int at, RealFlags flags) {
        int next = at;
        boolean lower = false;
        boolean upper = false;
        while (next >= 0 && next < tokens.size() && !tokens.get(next).quoted()) {
            var m = THRESHOLD.matcher(tokens.get(next).text());
            if (!m.matches() || (m.group(1).equals("l") ? lower : upper)) {
                return next;
            }
            Optional<Integer> n = values.wholeNumber(d, m.group(1) + " threshold", m.group(2), 0, Integer.MAX_VALUE);
            if (n.isEmpty()) {
                return -1;
            }
            if (m.group(1).equals("l")) {
                flags.lower = n.get();
                lower = true;
            } else {
                flags.upper = n.get();
                upper = true;
            }
            next++;
        }
        return next;
    }
}
