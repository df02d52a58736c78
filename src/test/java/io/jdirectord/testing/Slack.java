package io.jdirectord.testing;

import java.time.Duration;

/**
 * Wall-clock bounds for tests that prove a deadline holds. A probe cut at its deadline ends a little
 * after it; on a loaded shared host, a few seconds after it. The servers in these tests stall for ever
 * (silence, a trickle, a full backlog), so a bound of the deadline plus {@link #PAST_DEADLINE} still fails
 * a probe that waits for its server, without failing one that was merely scheduled late. How fast a probe
 * is belongs to the benchmark (src/test/bench), never to these bounds.
 */
public final class Slack {

    /** How long after its deadline a probe may end and still count as cut at the deadline. */
    public static final Duration PAST_DEADLINE = Duration.ofSeconds(5);

    private Slack() {}

    /** The latest a probe with this deadline may end: {@code deadline} plus {@link #PAST_DEADLINE}. */
    public static Duration after(Duration deadline) {
        return deadline.plus(PAST_DEADLINE);
    }
}
