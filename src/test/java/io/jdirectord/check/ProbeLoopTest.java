package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
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
    void aFinishedProbesRegisteredChannelIsClosedByTheLoopEvenWhenNothingElseRuns() throws Exception {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        Registering probe = new Registering(Deadline.after(TIMEOUT), result::complete);

        ProbeLoop.next().start(probe);

        assertThat(result.get(5, TimeUnit.SECONDS).up()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !probe.pipe.source().isOpen());
        assertThat(probe.pipe.sink().isOpen()).isTrue();
        probe.pipe.sink().close();
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

    /** A probe that registers a pipe's reading end, answers at once and has the loop close it. */
    private static final class Registering extends TestProbe {
        final Pipe pipe;
        private ProbeLoop loop;
        private SelectionKey key;

        Registering(Deadline deadline, Consumer<CheckResult> done) throws IOException {
            super(deadline, done);
            pipe = Pipe.open();
        }

        @Override
        void begin(ProbeLoop loop) throws IOException {
            this.loop = loop;
            pipe.source().configureBlocking(false);
            key = loop.register(pipe.source(), SelectionKey.OP_READ, this);
            finish(CheckResult.up("ok"));
        }

        @Override
        void ready(SelectionKey key) {
            throw new AssertionError("nothing is written to the pipe");
        }

        @Override
        void release() {
            loop.close(key, pipe.source());
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
        void ready(SelectionKey key) {
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
