package io.jdirectord.engine;

import io.jdirectord.decision.Steering.RealRef;
import java.util.List;

/**
 * The daemon's answer to a {@link ControlCommand}, for the operator and the log.
 *
 * @param ok      whether the command named real servers it could act on (an unknown or ill-formed
 *                target is not ok, and changes nothing)
 * @param text    one line for the operator: what matched and what changed, or what is wrong
 * @param matched the real servers the command named
 * @param changed how many of them it changed (the others were already so)
 */
public record ControlAnswer(boolean ok, String text, List<RealRef> matched, int changed) {

    public ControlAnswer {
        matched = List.copyOf(matched);
    }

    /** An answer that changed nothing, saying why. */
    public static ControlAnswer error(String text) {
        return new ControlAnswer(false, text, List.of(), 0);
    }

    /** {@code ok} or {@code error}, the result label of logs and metrics. */
    public String result() {
        return ok ? "ok" : "error";
    }
}
