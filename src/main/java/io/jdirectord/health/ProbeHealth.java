package io.jdirectord.health;

import java.util.OptionalInt;

/**
 * What the decision layer needs to know about one {@link HealthKey}.
 *
 * @param status the status
 * @param weight the weight the last passing result reported (dynamic-weight checks); empty means the
 *               configured weight applies
 */
public record ProbeHealth(HealthStatus status, OptionalInt weight) {

    public static final ProbeHealth UNKNOWN = new ProbeHealth(HealthStatus.UNKNOWN, OptionalInt.empty());

    public boolean isUp() {
        return status == HealthStatus.UP;
    }
}
