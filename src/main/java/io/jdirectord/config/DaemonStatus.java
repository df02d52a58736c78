package io.jdirectord.config;

/**
 * The daemon's life cycle: starting until the first round of checks is applied, running, reloading
 * while a changed configuration is read and applied, stopping. The configuration names these states
 * in {@code emailalertstatus}; the daemon reports its current one to alerts, systemd and the metrics.
 */
public enum DaemonStatus {
    STARTING,
    RUNNING,
    STOPPING,
    RELOADING
}
