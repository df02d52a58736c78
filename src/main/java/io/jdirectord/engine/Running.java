package io.jdirectord.engine;

import io.jdirectord.config.Config;

/**
 * The configuration in force and what was derived from it: the context every {@link MonitorEvents}
 * event was judged in. Immutable; a reload makes a new one.
 *
 * @param config     the configuration in force
 * @param index      which (virtual service, real server) pairs each of its probes feeds
 * @param firstRound its first round of checks, complete once every probe has reported
 */
public record Running(Config config, ProbeIndex index, FirstRound firstRound) {}
