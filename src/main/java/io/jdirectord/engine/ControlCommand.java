package io.jdirectord.engine;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An operator's command on real servers of the running daemon, as typed after {@code jdirectord}:
 *
 * <pre>
 * disable [VIRTUAL] REAL          out of the table (or quiesced, as the service's quiescent says)
 * enable [VIRTUAL] REAL           back, following health
 * drain [SECONDS] [VIRTUAL] REAL  weight 0 now, out when its connections end or after SECONDS (draintime)
 * weight N [VIRTUAL] REAL         weight N instead of the configured or checked one
 * weight reset [VIRTUAL] REAL     the configured or checked weight again
 * </pre>
 *
 * See {@link ControlTarget} for VIRTUAL and REAL.
 *
 * @param action    what to do
 * @param target    which real servers
 * @param drainFor  drain: how long to wait for connections at most; empty for the service's draintime
 * @param weight    weight: the new weight, 0..65535
 * @param requester who asked, for the log ({@code uid 0 (root)})
 */
public record ControlCommand(
        Action action, ControlTarget target, Optional<Duration> drainFor, OptionalInt weight, String requester) {

    /** The first words of the commands. */
    public static final List<String> WORDS = List.of("disable", "enable", "drain", "weight");

    /** The largest weight, as for {@code real=} lines. */
    public static final int MAX_WEIGHT = 65535;

    static final String USAGE = "usage: disable|enable|drain [SECONDS]|weight N|weight reset [VIRTUAL] REAL";

    /** What a command does. */
    public enum Action {
        DISABLE,
        ENABLE,
        DRAIN,
        WEIGHT,
        WEIGHT_RESET;

        /** The command's words: {@code disable}, {@code weight reset}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * Reads a command from its words ({@code ["drain", "60", "tcp:192.0.2.10:80", "10.0.0.1:80"]}).
     *
     * @throws IllegalArgumentException with a message for the operator when the words are not a command
     */
    public static ControlCommand parse(List<String> words, String requester) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        List<String> rest = words.subList(1, words.size());
        return switch (words.getFirst()) {
            case "disable" -> plain(Action.DISABLE, rest, requester);
            case "enable" -> plain(Action.ENABLE, rest, requester);
            case "drain" -> drain(rest, requester);
            case "weight" -> weight(rest, requester);
            default -> throw new IllegalArgumentException("unknown command \"" + words.getFirst() + "\"; " + USAGE);
        };
    }

    private static ControlCommand plain(Action action, List<String> target, String requester) {
        return new ControlCommand(action, target(target), Optional.empty(), OptionalInt.empty(), requester);
    }

    private static ControlCommand drain(List<String> rest, String requester) {
        if (!rest.isEmpty() && rest.getFirst().chars().allMatch(Character::isDigit)) {
            long seconds = number(rest.getFirst(), "drain SECONDS", 1, Integer.MAX_VALUE);
            return new ControlCommand(
                    Action.DRAIN,
                    target(rest.subList(1, rest.size())),
                    Optional.of(Duration.ofSeconds(seconds)),
                    OptionalInt.empty(),
                    requester);
        }
        return plain(Action.DRAIN, rest, requester);
    }

    private static ControlCommand weight(List<String> rest, String requester) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        List<String> target = rest.subList(1, rest.size());
        if (rest.getFirst().equals("reset")) {
            return plain(Action.WEIGHT_RESET, target, requester);
        }
        int weight = (int) number(rest.getFirst(), "weight", 0, MAX_WEIGHT);
        return new ControlCommand(Action.WEIGHT, target(target), Optional.empty(), OptionalInt.of(weight), requester);
    }

    private static ControlTarget target(List<String> words) {
        return switch (words.size()) {
            case 1 -> ControlTarget.parse(Optional.empty(), words.getFirst());
            case 2 -> ControlTarget.parse(Optional.of(words.getFirst()), words.get(1));
            default -> throw new IllegalArgumentException(USAGE);
        };
    }

    private static long number(String text, String what, long min, long max) {
        boolean digits = !text.isEmpty() && text.length() <= 10 && text.chars().allMatch(Character::isDigit);
        if (!digits || Long.parseLong(text) < min || Long.parseLong(text) > max) {
            throw new IllegalArgumentException(
                    what + " must be a whole number from " + min + " to " + max + ", not \"" + text + "\"");
        }
        return Long.parseLong(text);
    }

    /** The command as an operator types it: {@code drain 60 tcp:192.0.2.10:80 10.0.0.1:80}. */
    @Override
    public String toString() {
        String argument =
                drainFor.map(d -> " " + d.toSeconds()).orElse("") + (weight.isPresent() ? " " + weight.getAsInt() : "");
        return action.word() + argument + " " + target;
    }
}
