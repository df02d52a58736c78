package io.jdirectord.config;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads directive values the way ldirectord does, reporting what it cannot read. */
final class Values {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern DECIMAL = Pattern.compile("\\d*\\.\\d+|\\d+\\.\\d*");
    /** Smallest fractional checkinterval (extension), in milliseconds. */
    static final long MIN_INTERVAL_MILLIS = 50;

    private final Diagnostics diagnostics;

    Values(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    Optional<Boolean> yesNo(Directive d) {
        return switch (d.value()) {
            case "yes" -> Optional.of(true);
            case "no" -> Optional.of(false);
            default -> fail(d, d.name() + " must be yes or no, not " + Texts.quote(d.value()));
        };
    }

    /**
     * ldirectord's lenient number: the first run of digits anywhere in the value, which must be above 0. Text
     * around the digits is accepted with a warning.
     *
     * @param what the unit phrase after "a positive whole number", e.g. "of seconds", or ""
     */
    Optional<Integer> lenientPositive(Directive d, String what) {
        Matcher digits = DIGITS.matcher(d.value());
        String error = d.name() + " must be a positive whole number" + (what.isEmpty() ? "" : " " + what) + ", not "
                + Texts.quote(d.value());
        if (!digits.find()) {
            return fail(d, error);
        }
        Optional<Integer> number = parse(d, digits.group(), Integer.MAX_VALUE);
        if (number.isPresent() && number.get() == 0) {
            return fail(d, error);
        }
        if (number.isPresent() && !digits.group().equals(d.value())) {
            diagnostics.warn(
                    d.line(),
                    d.name() + "=" + Texts.cut(d.value()) + " read as " + number.get()
                            + " (ldirectord takes the first number in the value)");
        }
        return number;
    }

    /** A plain decimal whole number within [min, max]. */
    Optional<Integer> wholeNumber(Directive d, int min, int max) {
        return wholeNumber(d, d.name(), d.value(), min, max);
    }

    /**
     * A plain decimal whole number within [min, max] that is one part of the directive's value.
     *
     * @param what the part's name in the error, e.g. "weight"
     */
    Optional<Integer> wholeNumber(Directive d, String what, String text, int min, int max) {
        if (!DIGITS.matcher(text).matches()
                || text.length() > 10
                || Long.parseLong(text) < min
                || Long.parseLong(text) > max) {
            return fail(d, what + " must be a whole number from " + min + " to " + max + ", not " + Texts.quote(text));
        }
        return Optional.of(Integer.parseInt(text));
    }

    /** checkinterval: ldirectord's lenient whole seconds, or (extension) a decimal of at least 0.05 s. */
    Optional<Duration> interval(Directive d) {
        if (!DECIMAL.matcher(d.value()).matches()) {
            return lenientPositive(d, "of seconds").map(Duration::ofSeconds);
        }
        BigDecimal seconds = new BigDecimal(d.value().startsWith(".") ? "0" + d.value() : d.value());
        BigDecimal millis = seconds.movePointRight(3);
        if (millis.compareTo(BigDecimal.valueOf(MIN_INTERVAL_MILLIS)) < 0
                || seconds.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return fail(d, d.name() + " must be at least 0.05 seconds, not " + Texts.quote(d.value()));
        }
        return Optional.of(Duration.ofNanos(seconds.movePointRight(9).longValue()));
    }

    /**
     * A value ldirectord requires in double quotes: the text between the first and the last quote. Unquoted text
     * is accepted with a warning; text after the last quote is ignored with a warning; empty is an error.
     */
    Optional<String> quoted(Directive d) {
        String value = d.value();
        String content;
        if (!value.startsWith("\"")) {
            diagnostics.warn(
                    d.line(),
                    d.name() + " value should be in double quotes: " + d.quoted()
                            + " (ldirectord rejects it without them)");
            content = value;
        } else {
            int close = value.lastIndexOf('"');
            if (close == 0) {
                return fail(d, d.name() + " value has no closing quote: " + d.quoted());
            }
            content = value.substring(1, close);
            String rest = value.substring(close + 1).strip();
            if (!rest.isEmpty()) {
                diagnostics.warn(d.line(), "text after the closing quote ignored: " + Texts.quote(rest));
            }
        }
        return content.isEmpty() ? fail(d, d.name() + " must not be empty") : Optional.of(content);
    }

    /** The value without one pair of enclosing double quotes, for directives where quotes are optional. */
    static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** A non-empty value. */
    Optional<String> nonEmpty(Directive d, String value) {
        return value.isEmpty() ? fail(d, d.name() + " needs a value") : Optional.of(value);
    }

    /** A path (optional quotes) that must name an existing file. */
    Optional<Path> existingFile(Directive d) {
        return nonEmpty(d, unquote(d.value())).flatMap(text -> {
            Path path = Paths.of(text);
            return Files.isRegularFile(path)
                    ? Optional.of(path)
                    : fail(d, d.name() + " file does not exist: " + Texts.quote(text));
        });
    }

    private Optional<Integer> parse(Directive d, String digits, int max) {
        if (digits.length() > 10 || Long.parseLong(digits) > max) {
            return fail(d, d.name() + " is too large: " + Texts.quote(d.value()));
        }
        return Optional.of(Integer.parseInt(digits));
    }

    <T> Optional<T> fail(Directive d, String message) {
        return diagnostics.reject(d.line(), message);
    }
}
