package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.os.Epoll;
import io.jdirectord.os.TcpSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProbeLoopTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aProbeThatNeverHearsBackEndsAtItsDeadlineAndReleasesWhatItHolds() throws Exception {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        Waiting probe = new Waiting(Deadline.after(TIMEOUT), result::complete);

        ProbeLoop.next().start(probe);

        assertThat(result.get(5, TimeUnit.SECONDS).reason()).isEqualTo("timed out");
        assertThat(probe.released).isEqualTo(1);
    }

    @Test
    void aStepThatThrowsEndsTheProbeOnceWithItsFailure() throws Exception {
        List<CheckResult> results = new ArrayList<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Waiting probe = new Waiting(Deadline.after(TIMEOUT), result -> {
            results.add(result);
            ended.complete(null);
        });
        probe.failure = new IllegalStateException("broken");

        ProbeLoop.next().start(probe);
        ended.get(5, TimeUnit.SECONDS);

        assertThat(results).extracting(CheckResult::reason).containsExactly("failed: broken");
        assertThat(probe.released).isEqualTo(1);
    }

    @Test
    void probesStartedFromManyThreadsAtOnceAllEnd() throws Exception {
        int count = 2_000;
        List<CompletableFuture<CheckResult>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(new CompletableFuture<>());
        }
        List<Thread> starters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            starters.add(Thread.ofVirtual().start(() -> {
                for (int i = first; i < count; i += 4) {
                    Waiting probe = new Waiting(Deadline.after(TIMEOUT), results.get(i)::complete);
                    probe.answer = CheckResult.up("ok " + i);
                    ProbeLoop.next().start(probe);
                }
            }));
        }
        for (Thread starter : starters) {
            starter.join();
        }

        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        assertThat(results).allSatisfy(result -> assertThat(result.get().up()).isTrue());
    }

    @Test
    void aFinishedProbesRegisteredSocketIsClosedByTheLoop() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
            CheckResult result = run(new Registering(server, false));

            assertThat(result.up()).isTrue();
            try (Socket accepted = server.accept()) {
                accepted.setSoTimeout(5_000);
                assertThat(accepted.getInputStream().read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void aRegisteredSocketsEventsReachItsProbe() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
            CheckResult result = run(new Registering(server, true));

            assertThat(result.reason()).isEqualTo("connected");
            server.accept().close();
        }
    }

    @Test
    void aFinishedProbeLeavesItsDeadlineLineAtOnce() {
        ProbeLoop.DeadlineLine line = new ProbeLoop.DeadlineLine(1_000_000_000L);
        Waiting first = new Waiting(Deadline.after(TIMEOUT), result -> {});
        Waiting second = new Waiting(Deadline.after(TIMEOUT), result -> {});
        Waiting third = new Waiting(Deadline.after(TIMEOUT), result -> {});
        line.add(first);
        line.add(second);
        line.add(third);

        second.finish(CheckResult.up("ok"));
        first.finish(CheckResult.up("ok"));

        assertThat(line.first()).isSameAs(third);
        assertThat(second.previous).isNull();
        assertThat(second.next).isNull();
        third.finish(CheckResult.up("ok"));
        assertThat(line.first()).isNull();
    }

    /** Runs {@code probe} on a loop and returns its result. */
    private static CheckResult run(Registering probe) throws Exception {
        ProbeLoop.next().start(probe);
        return probe.result.get(5, TimeUnit.SECONDS);
    }

    /**
     * A probe that connects a socket to a listening port and registers it, then answers at once, or, when
     * it waits for the connection, when the socket says it is writable; it has the loop close the socket.
     */
    private static final class Registering extends TestProbe {
        final CompletableFuture<CheckResult> result;
        private final int port;
        private final boolean waitForConnection;
        private ProbeLoop loop;
        private int fd = -1;

        Registering(ServerSocket server, boolean waitForConnection) {
            this(new CompletableFuture<>(), server.getLocalPort(), waitForConnection);
        }

        private Registering(CompletableFuture<CheckResult> result, int port, boolean waitForConnection) {
            super(Deadline.after(TIMEOUT), result::complete);
            this.result = result;
            this.port = port;
            this.waitForConnection = waitForConnection;
        }

        @Override
        void begin(ProbeLoop loop) throws IOException {
            this.loop = loop;
            byte[] sockaddr = TcpSocket.sockaddr(LOOPBACK, port);
            fd = TcpSocket.open(sockaddr);
            TcpSocket.connect(fd, sockaddr);
            loop.register(fd, this);
            if (!waitForConnection) {
                finish(CheckResult.up("ok"));
            }
        }

        @Override
        void ready(int events) {
            if ((events & Epoll.OUT) != 0) {
                finish(CheckResult.up("connected"));
            }
        }

        @Override
        void release() {
            loop.close(fd);
        }
    }

    /** A probe that opens nothing: it answers in its first step, fails there, or waits for its deadline. */
    private static final class Waiting extends TestProbe {
        CheckResult answer;
        RuntimeException failure;
        int released;

        Waiting(Deadline deadline, Consumer<CheckResult> done) {
            super(deadline, done);
        }

        @Override
        void begin(ProbeLoop loop) {
            if (failure != null) {
                throw failure;
            }
            if (answer != null) {
                finish(answer);
            }
        }

        @Override
        void ready(int events) {
            throw new AssertionError("registers nothing");
        }

        @Override
        void release() {
            released++;
        }
    }

    /** A probe of {@link #TIMEOUT} whose results say "timed out" and "failed: MESSAGE". */
    private abstract static class TestProbe extends LoopProbe {
        TestProbe(Deadline deadline, Consumer<CheckResult> done) {
            super(deadline, TIMEOUT, done);
        }

        @Override
        CheckResult timedOut() {
            return CheckResult.down("timed out");
        }

        @Override
        CheckResult failed(Exception e) {
            return CheckResult.down("failed: " + e.getMessage());
        }
    }
}
