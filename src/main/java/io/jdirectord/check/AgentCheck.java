package io.jdirectord.check;

import io.jdirectord.check.spec.Probe;
import io.jdirectord.config.ProbeSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks a real server's load agent for its answer (HAProxy's agent-check transport): connect over TCP to
 * the agent's port, send the request followed by a newline when there is one, read one line of at most
 * {@value #MAX_LINE} bytes. Up with the line as its reason when a line came; down with the reason when
 * the agent could not be asked (refused, timed out, closed without a line, a line too long). The line's
 * meaning is the engine's business, and an agent that is down never takes its server down.
 *
 * <p>The spec is an agent probe: its real endpoint is the agent's address and port, its request the
 * text to send (empty for none), its checktimeout the whole exchange's deadline.
 */
public final class AgentCheck implements Check {

    /** The longest answer read, terminator included. */
    public static final int MAX_LINE = 512;

    private final InetSocketAddress target;
    private final Duration timeout;
    private final String send;

    public AgentCheck(ProbeSpec spec) {
        Probe probe = Probe.connect(spec);
        this.target = probe.target();
        this.timeout = probe.timeout();
        this.send = spec.check().request();
    }

    @Override
    public CheckResult run(Deadline deadline) {
        try (TcpSession session = TcpSession.open(target, deadline, timeout, MAX_LINE)) {
            send(session);
            return answer(session);
        } catch (ProbeException e) {
            return CheckResult.down(e.getMessage());
        }
    }

    private void send(TcpSession session) {
        if (send.isEmpty()) {
            return;
        }
        try {
            OutputStream out = session.output();
            out.write((send + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException ignored) {
            // Reading next tells whether the agent answered anyway.
        }
    }

    private static CheckResult answer(TcpSession session) throws ProbeException {
        try {
            LineReader lines = new LineReader(session.input(), MAX_LINE);
            Optional<String> line = lines.next();
            if (line.isEmpty()) {
                return CheckResult.down("the agent closed the connection without an answer");
            }
            if (lines.truncated()) {
                return CheckResult.down("the agent's answer is longer than " + MAX_LINE + " bytes");
            }
            return CheckResult.up(line.get());
        } catch (IOException e) {
            throw session.failure(e, "the agent's answer");
        }
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
