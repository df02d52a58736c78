package io.jdirectord.health;

/** What the monitor believes about a real server, as seen through one {@link HealthKey}. */
public enum HealthStatus {
    /** No result yet and not presumed up: treated as not up (never added to the table). */
    UNKNOWN,
    /** Passing: the real server belongs in the table with its weight. */
    UP,
    /** Failing, forced down (checktype=off) or in maintenance. */
    DOWN
}
