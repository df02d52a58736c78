package io.jdirectord.config;

import java.time.Duration;

/**
 * When and how often the real servers of a virtual service are checked, and how results become state.
 *
 * @param checkInterval time between the starts of two checks of one real server (sub-second allowed, an
 *                      extension); per-virtual checkinterval is honoured (ldirectord only does with fork=yes)
 * @param failureCount  consecutive failures that take an up real server down (ldirectord failurecount)
 * @param riseCount     consecutive successes that bring a down real server up (extension risecount, default 1)
 */
public record Timing(Duration checkInterval, int failureCount, int riseCount) {}
