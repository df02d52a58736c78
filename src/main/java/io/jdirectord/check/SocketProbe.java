package io.jdirectord.check;

import java.io.IOException;
import java.time.Duration;
import javax.net.SocketFactory;
import org.apache.commons.net.SocketClient;

/**
 * One run of a check that talks through a protocol library (ftp, smtp, pop, imap, ldap, ssh): hands the
 * library the probe's {@link ProbeSockets} and keeps track of what the probe is doing, for the reason of
 * a failure. The steps run on the caller's thread; any exception they throw becomes a down result naming
 * the phase (protocol libraries may throw unchecked exceptions on replies they cannot parse).
 */
final class SocketProbe {

    /** The protocol steps of one check. */
    @FunctionalInterface
    interface Steps {
        CheckResult run(SocketProbe probe) throws IOException;
    }

    /** The command that ends a conversation politely: QUIT, LOGOUT. */
    @FunctionalInterface
    interface Goodbye {
        void send() throws IOException;
    }

    private final Deadline deadline;
    private final ProbeSockets sockets;
    private volatile String phase = Reasons.CONNECT;
    private volatile String afterConnect = Reasons.CONNECT;

    private SocketProbe(Deadline deadline, int maxReceiveBytes) {
        this.deadline = deadline;
        this.sockets = ProbeSockets.open(deadline, maxReceiveBytes).onConnected(this::connected);
    }

    /**
     * Runs {@code steps} with fresh {@link ProbeSockets}, closed at {@code deadline} or when the steps end.
     *
     * @param timeout the check's whole timeout, named in timeout reasons
     */
    static CheckResult run(Deadline deadline, Duration timeout, int maxReceiveBytes, Steps steps) {
        SocketProbe probe = new SocketProbe(deadline, maxReceiveBytes);
        try (probe.sockets) {
            return steps.run(probe);
        } catch (IOException e) {
            return CheckResult.down(Reasons.inPhase(e, probe.phase, probe.sockets.cutOff(), timeout));
        } catch (RuntimeException e) {
            return CheckResult.down(probe.phase + ": " + Reasons.serverLine(CheckRunner.describe(e)));
        }
    }

    /** The factory every socket of this probe must come from. */
    SocketFactory sockets() {
        return sockets;
    }

    Deadline deadline() {
        return deadline;
    }

    /** Time left to the deadline in milliseconds, at least 1: the per-operation timeout to set next. */
    int remainingMillis() {
        return deadline.remainingMillis();
    }

    /** The probe is about to connect; once connected it is in {@code nextPhase} (e.g. "SMTP greeting"). */
    void connecting(String nextPhase) {
        phase = Reasons.CONNECT;
        afterConnect = nextPhase;
    }

    /**
     * Gives a Commons Net client this probe's sockets and the time left, before it connects; once
     * connected the probe is in {@code nextPhase} (e.g. "SMTP greeting").
     */
    void connectingWith(SocketClient client, String nextPhase) {
        client.setSocketFactory(sockets);
        client.setConnectTimeout(remainingMillis());
        client.setDefaultTimeout(remainingMillis());
        connecting(nextPhase);
    }

    /**
     * Sends {@code goodbye} in phase {@code name}; the verdict is already made, so a missing or odd
     * answer is ignored.
     */
    void sayGoodbye(String name, SocketClient client, Goodbye goodbye) {
        try {
            phase(name);
            client.setSoTimeout(remainingMillis());
            goodbye.send();
        } catch (IOException ignored) {
            // The server already had its verdict; its manners at the goodbye do not change that.
        }
    }

    /** Names what the probe does next, for the reason of a failure: "FTP login", "RETR /index.html". */
    void phase(String name) {
        phase = name;
    }

    String phase() {
        return phase;
    }

    private void connected() {
        if (Reasons.CONNECT.equals(phase)) {
            phase = afterConnect;
        }
    }
}
