package io.jdirectord.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Directives allowed both globally and in a virtual block, as written (null = not given). A virtual
 * service takes its own value, else the global one, else the default, as in ldirectord.
 */
final class SharedDraft {
    Integer checkTimeout;
    Integer negotiateTimeout;
    Duration checkInterval;
    Integer checkCount;
    Integer failureCount;
    Integer riseCount;
    String fallbackCommand;
    Boolean quiescent;
    Boolean cleanStop;
    Integer drainTime;
    String emailAlert;
    Integer emailAlertFreq;
    Set<DaemonStatus> emailAlertStatus;
    String smtp;
    Boolean verifyCert;
    Path caCert;
    Integer caCertLine;
    Path clientCert;
    Integer clientCertLine;
    Path clientKey;
    Integer clientKeyLine;
    /** Both files read and checked, set by {@link ClientCertificateFiles}; null when not given or not usable. */
    ClientCertificate clientCertificate;

    Integer maxReceive;
    Boolean dynamicWeight;
    Boolean followRedirects;
    Integer failsafe;
    Integer slowStart;
    Integer agentPort;
    Duration agentInterval;
    String agentSend;
}
