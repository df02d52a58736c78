package io.jdirectord.engine;

import io.jdirectord.decision.RealSteer;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a real server's load agent says, in the subset of HAProxy's agent-check protocol jdirectord
 * reads: one line of words separated by commas or spaces. {@code N%} sets the share of the weight
 * (0..100; more is read as 100); {@code up} and {@code ready} put the server back in; {@code drain}
 * gives it weight 0 while it stays in the table; {@code maint}, {@code down}, {@code stopped} and
 * {@code fail} take it out; text after {@code #} is a description. Words the protocol does not know
 * are ignored. As in HAProxy a word lasts until another replaces it: {@code drain} then {@code 75%}
 * stays drained at 75% until {@code ready}.
 *
 * @param percent     the share of the weight, 0..100
 * @param state       the state the agent asked for
 * @param description the text after {@code #} in the last answer, empty when none
 */
public record AgentAnswer(int percent, State state, String description) {

    /** No answer yet: in, at the whole weight. */
    public static final AgentAnswer NEUTRAL = new AgentAnswer(100, State.READY, "");

    /** The states an agent can ask for. */
    public enum State {
        /** {@code up}, {@code ready}: in, at the agent's share of the weight. */
        READY,
        /** {@code drain}: in the table at weight 0, its connections go on. */
        DRAIN,
        /** {@code maint}: out (quiesced when the service is quiescent). */
        MAINT,
        /** {@code down}, {@code stopped}, {@code fail}: out (quiesced when the service is quiescent). */
        DOWN
    }

    /**
     * This answer updated by {@code line}.
     *
     * @return empty when the line holds no word of the protocol (empty, or garbage): not an answer
     */
    public Optional<AgentAnswer> then(String line) {
        int hash = line.indexOf('#');
        String words = hash < 0 ? line : line.substring(0, hash);
        String description = hash < 0 ? "" : line.substring(hash + 1).strip();
        int newPercent = percent;
        State newState = state;
        boolean understood = false;
        for (String word : words.strip().toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            OptionalInt share = percentOf(word);
            Optional<State> named = stateOf(word);
            if (share.isPresent()) {
                newPercent = share.getAsInt();
            } else if (named.isPresent()) {
                newState = named.get();
            } else {
                continue;
            }
            understood = true;
        }
        return understood ? Optional.of(new AgentAnswer(newPercent, newState, description)) : Optional.empty();
    }

    private static OptionalInt percentOf(String word) {
        if (!word.matches("\\d{1,9}%")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Math.min(100, Integer.parseInt(word.substring(0, word.length() - 1))));
    }

    private static Optional<State> stateOf(String word) {
        return switch (word) {
            case "up", "ready" -> Optional.of(State.READY);
            case "drain" -> Optional.of(State.DRAIN);
            case "maint" -> Optional.of(State.MAINT);
            case "down", "stopped", "fail" -> Optional.of(State.DOWN);
            default -> Optional.empty();
        };
    }

    /**
     * The steering this answer asks for: maint and down are {@link RealSteer.Admin#DISABLED}; drain is a
     * share of 0% (the server stays in the table and counts as up, so the fallback does not step in
     * because agents drain: draining is the agent's statement about load, not about health); the
     * share otherwise.
     */
    public RealSteer steer() {
        RealSteer.Admin admin =
                state == State.MAINT || state == State.DOWN ? RealSteer.Admin.DISABLED : RealSteer.Admin.ENABLED;
        return new RealSteer(admin, OptionalInt.empty(), state == State.DRAIN ? 0 : percent, 1.0);
    }

    /** The answer as an operator reads it: {@code 50%}, {@code drain 50%}, {@code down 100%}. */
    public String text() {
        String share = percent + "%";
        return state == State.READY ? share : state.name().toLowerCase(Locale.ROOT) + " " + share;
    }
}
