package io.jdirectord.engine;

/**
 * What a real server's load agent was last heard to say.
 *
 * @param answer  its last readable answer ({@link AgentAnswer#NEUTRAL} before the first); in force
 * @param failure why the last question got no readable answer (refused, timed out, garbage); empty when
 *                it got one. A failing agent changes nothing: its last answer stays in force
 */
public record AgentHeard(AgentAnswer answer, String failure) {

    /** Nothing heard yet. */
    public static final AgentHeard NOTHING = new AgentHeard(AgentAnswer.NEUTRAL, "");

    /** Whether an operator should hear about the change from {@code before}: the state, the share or the failure. */
    boolean differsFrom(AgentHeard before) {
        return answer.percent() != before.answer.percent()
                || answer.state() != before.answer.state()
                || !failure.equals(before.failure);
    }
}
