package io.jdirectord.engine;

/**
 * Whether this director can serve the virtual services, the signal a failover engine (keepalived's VRRP,
 * Pacemaker) acts on; and, for service-aware priority, how many virtual services have lost every real
 * server. An immutable value.
 *
 * @param healthy        the configuration is in force, its first round of checks reached the table, and
 *                       neither the table nor probing is failing
 * @param reason         why, in words an operator can act on ("table changes keep failing: ...")
 * @param servicesLost   virtual services that have real servers configured and none of them up (a
 *                       fallback server does not count as up)
 */
public record DirectorHealth(boolean healthy, String reason, int servicesLost) {

    /** The {@link #trackValue} of an unhealthy director: far above any count of lost services. */
    public static final int UNHEALTHY_TRACK_VALUE = 1000;

    /** An unhealthy director, for {@code reason}. */
    public static DirectorHealth unhealthy(String reason) {
        return new DirectorHealth(false, reason, 0);
    }

    /**
     * The number kept in the trackfile: the lost services when healthy (0 when every service has a real
     * server up, at most 999), {@value #UNHEALTHY_TRACK_VALUE} when not healthy.
     */
    public int trackValue() {
        return healthy ? Math.min(servicesLost, UNHEALTHY_TRACK_VALUE - 1) : UNHEALTHY_TRACK_VALUE;
    }

    /** One line: {@code healthy: ...} or {@code unhealthy: ...}. */
    public String line() {
        return (healthy ? "healthy: " : "unhealthy: ") + reason;
    }
}
