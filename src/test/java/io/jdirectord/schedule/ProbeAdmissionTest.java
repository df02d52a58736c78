package io.jdirectord.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProbeAdmissionTest {

    private final ManualExecutor threads = new ManualExecutor();
    private final ProbeAdmission admission = new ProbeAdmission(threads, 2);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    void startsAThreadPerRunUpToTheLimit() {
        admission.execute(run("a"));
        admission.execute(run("b"));

        assertThat(threads.queued()).isEqualTo(2);
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void runsBeyondTheLimitWaitWithoutAThread() {
        admission.execute(run("a"));
        admission.execute(run("b"));
        admission.execute(run("c"));

        assertThat(threads.queued()).isEqualTo(2);
        assertThat(admission.waiting()).isEqualTo(1);
        assertThat(ran).isEmpty();
    }

    @Test
    void aWaitingRunStartsOnTheThreadOfTheFirstRunThatEnds() {
        admission.execute(run("a"));
        admission.execute(run("b"));
        admission.execute(run("c"));
        admission.execute(run("d"));

        threads.runNext();

        assertThat(ran).containsExactly("a", "c", "d");
        assertThat(admission.waiting()).isZero();
        assertThat(threads.queued()).isEqualTo(1);
    }

    @Test
    void aThreadThatFindsNoWaitingRunFreesItsPlace() {
        admission.execute(run("a"));
        admission.execute(run("b"));
        threads.runAll();

        admission.execute(run("c"));
        admission.execute(run("d"));

        assertThat(threads.queued()).isEqualTo(2);
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void aRunThatThrowsDoesNotLoseItsPlaceNorTheRunsBehindIt() {
        admission.execute(() -> {
            throw new IllegalStateException("boom");
        });
        admission.execute(run("b"));
        admission.execute(run("c"));

        threads.runNext();

        assertThat(ran).containsExactly("c");
        threads.runAll();
        admission.execute(run("d"));
        admission.execute(run("e"));
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void aRunThatEndsInAnErrorHandsItsPlaceToTheNextWaitingRun() {
        admission.execute(() -> {
            throw new AssertionError("boom");
        });
        admission.execute(run("b"));
        admission.execute(run("c"));

        assertThatThrownBy(threads::runNext).isInstanceOf(AssertionError.class);
        threads.runAll();

        assertThat(ran).containsExactlyInAnyOrder("b", "c");
        admission.execute(run("d"));
        admission.execute(run("e"));
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void theLimitIsThreeFifthsOfTheOldGenerationAtTenKibibytesAProbe() {
        assertThat(ProbeAdmission.limitFor(64L << 20)).isEqualTo(3932);
        assertThat(ProbeAdmission.limitFor(192L << 20)).isEqualTo(11796);
    }

    @Test
    void theOldGenerationIsPartOfTheHeap() {
        assertThat(ProbeAdmission.oldGenerationBytes())
                .isPositive()
                .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
    }

    @Test
    void aSmallHeapStillRunsTheMinimumAtOnce() {
        assertThat(ProbeAdmission.limitFor(1L << 20)).isEqualTo(ProbeAdmission.MIN_LIMIT);
    }

    private Runnable run(String name) {
        return () -> ran.add(name);
    }
}
