package io.jdirectord.config;

import java.time.Duration;

/**
 * IPVS connection timeouts to set at start (extension {@code ipvstimeouts = TCP TCPFIN UDP}, the equivalent of
 * {@code ipvsadm --set TCP TCPFIN UDP}). Whole seconds; zero leaves that timeout unchanged, as in ipvsadm.
 */
public record IpvsTimeoutSetting(Duration tcp, Duration tcpFin, Duration udp) {}
