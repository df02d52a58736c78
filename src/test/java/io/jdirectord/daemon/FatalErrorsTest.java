package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.daemon.log.RecordingSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An error that escapes a thread is logged once and halts the process; an exception does not. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FatalErrorsTest {

    private final RecordingSink logged = new RecordingSink();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<Integer> halts = new ArrayList<>();
    private final FatalErrors handler = new FatalErrors(
            new FailureLog(List.of(logged), Clock.systemUTC(), false),
            new PrintStream(stderr, true, StandardCharsets.UTF_8),
            halts::add);

    @Test
    void anOutOfMemoryErrorIsLoggedAndHaltsWithStatusThree() throws Exception {
        Thread probe = Thread.ofVirtual().name("probe").unstarted(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        probe.setUncaughtExceptionHandler(handler);

        probe.start();
        probe.join();

        assertThat(halts).containsExactly(3);
        assertThat(logged.events())
                .containsExactly("fatal-error thread=probe error=\"OutOfMemoryError: Java heap space\" status=3");
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .isEqualTo("jdirectord: fatal error in thread \"probe\": OutOfMemoryError: Java heap space; exiting\n");
    }

    @Test
    void haltsEvenWhenTheLogCannotBeWritten() {
        FatalErrors broken = new FatalErrors(
                new FailureLog(
                        List.of(line -> {
                            throw new OutOfMemoryError("again");
                        }),
                        Clock.systemUTC(),
                        false),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                halts::add);

        broken.uncaughtException(Thread.currentThread(), new InternalError("broken"));

        assertThat(halts).containsExactly(3);
    }

    @Test
    void anExceptionIsPrintedButDoesNotHalt() {
        handler.uncaughtException(Thread.currentThread(), new IllegalStateException("odd"));

        assertThat(halts).isEmpty();
        assertThat(logged.lines()).isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("IllegalStateException: odd");
    }
}
