package io.jdirectord.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code virtual=} / {@code virtual6=} block after parsing, resolution and inheritance.
 *
 * @param key             stable identity
 * @param scheduler       IPVS scheduler name (default wrr)
 * @param persistence     persistence, when {@code persistent} is set
 * @param schedFlags      scheduler flags as written ({@code sh-fallback,sh-port})
 * @param onePacket       one-packet scheduling (ops=yes; only effective for UDP, as ldirectord)
 * @param check           how its real servers are checked
 * @param timing          interval and failure/rise thresholds
 * @param reals           real servers in file order, ranges expanded
 * @param fallback        the fallback server (per-virtual, else the global one of its family)
 * @param fallbackCommand run with start|stop, "vip:vport" and the protocol
 * @param quiescent       on failure set weight 0 instead of removing the real server
 * @param cleanStop       remove this service from the table when the daemon stops
 * @param emailAlert      alert settings
 * @param monitorFile     file that receives one line per check result
 * @param serviceName     servicename, used in alert subjects
 * @param comment         comment, used in alert bodies
 * @param shaping         slow start and load agent (extensions)
 * @param line            1-based line of the {@code virtual=} directive
 * @param safeguards      failsafe, quorum and hysteresis
 * @param drainTime       how long a drain waits for connections to end before the real server is removed
 *                        ({@code draintime}, the default deadline of {@code drain} and of a reload's removal);
 *                        empty when not set
 */
public record VirtualService(
        VirtualServiceKey key,
        String scheduler,
        Optional<Persistence> persistence,
        Optional<String> schedFlags,
        boolean onePacket,
        CheckSpec check,
        Timing timing,
        List<RealServer> reals,
        Optional<Fallback> fallback,
        Optional<String> fallbackCommand,
        boolean quiescent,
        boolean cleanStop,
        EmailAlert emailAlert,
        Optional<Path> monitorFile,
        Optional<String> serviceName,
        Optional<String> comment,
        WeightShaping shaping,
        int line,
        Safeguards safeguards,
        Optional<Duration> drainTime) {

    public VirtualService {
        reals = List.copyOf(reals);
    }

    /** This service with {@code safeguards}. */
    public VirtualService withSafeguards(Safeguards safeguards) {
        return new VirtualService(
                key,
                scheduler,
                persistence,
                schedFlags,
                onePacket,
                check,
                timing,
                reals,
                fallback,
                fallbackCommand,
                quiescent,
                cleanStop,
                emailAlert,
                monitorFile,
                serviceName,
                comment,
                shaping,
                line,
                safeguards,
                drainTime);
    }

    /** What probing this real server means: the check with the real's own request/receive applied. */
    public ProbeSpec probeFor(RealServer real) {
        CheckSpec effective = check.withRequestReceive(real.request(), real.receive());
        return ProbeSpec.of(effective, real.endpoint(), key);
    }
}
