package io.jdirectord.config;

import java.util.OptionalInt;

/**
 * How a virtual service guards its table against mass failure (jdirectord extensions).
 *
 * @param failsafe   {@code failsafe}: when more than this percentage (1..99) of the real servers that the
 *                   table gives weight would leave it in one pass for failed checks, the service keeps them;
 *                   empty when off (the default)
 * @param quorum     {@code quorum}: the fallback server goes in when fewer than this many real servers are up
 *                   (at least 1; 1, the default, is ldirectord's "when none is up")
 * @param hysteresis {@code hysteresis}: with the fallback out it goes in below {@code quorum - hysteresis};
 *                   with it in it leaves at {@code quorum + hysteresis} (0..quorum-1; 0 by default)
 */
public record Safeguards(OptionalInt failsafe, int quorum, int hysteresis) {

    /** No failsafe, quorum 1, no hysteresis: ldirectord's behaviour. */
    public static final Safeguards NONE = new Safeguards(OptionalInt.empty(), 1, 0);

    public Safeguards {
        if (failsafe.isPresent() && (failsafe.getAsInt() < 1 || failsafe.getAsInt() > 99)) {
            throw new IllegalArgumentException("failsafe outside 1..99: " + failsafe.getAsInt());
        }
        if (quorum < 1 || hysteresis < 0 || hysteresis >= quorum) {
            throw new IllegalArgumentException("quorum " + quorum + " with hysteresis " + hysteresis);
        }
    }
}
