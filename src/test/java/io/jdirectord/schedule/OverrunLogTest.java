package io.jdirectord.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OverrunLogTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final OverrunLog overruns = new OverrunLog(now::get);
    private final Logger runnerLog = (Logger) LoggerFactory.getLogger(ProbeRunner.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void attachLog() {
        log.start();
        runnerLog.addAppender(log);
    }

    @AfterEach
    void detachLog() {
        runnerLog.detachAppender(log);
    }

    @Test
    void namesTheFirstTenOverrunsOfAMinute() {
        overrunMany(12);

        assertThat(messages()).hasSize(OverrunLog.PER_MINUTE).allMatch(line -> line.contains("took longer"));
        assertThat(messages().get(0))
                .isEqualTo(
                        "probe of server 0 took longer than its interval (1000 ms): skipping runs while it overruns");
    }

    @Test
    void sumsUpWhatAMinuteDidNotNameBeforeTheNextMinutesFirstLine() {
        overrunMany(12);
        for (int i = 0; i < 11; i++) {
            overruns.recovered("server " + i);
        }
        now.set(START.plus(Duration.ofSeconds(61)));

        overruns.overran("server 99", 1000);

        assertThat(messages())
                .hasSize(2 * OverrunLog.PER_MINUTE + 2)
                .endsWith(
                        "2 more probes took longer than their interval and 1 more ran within it again in the minute"
                                + " from 2026-01-01T00:00:00Z (not named: at most 10 of each a minute are)",
                        "probe of server 99 took longer than its interval (1000 ms): skipping runs while it overruns");
    }

    @Test
    void aMinuteThatNamedEverythingHasNoSummary() {
        overruns.overran("server 1", 1000);
        now.set(START.plus(Duration.ofMinutes(2)));

        overruns.recovered("server 1");

        assertThat(messages())
                .containsExactly(
                        "probe of server 1 took longer than its interval (1000 ms): skipping runs while it overruns",
                        "probe of server 1 runs within its interval again");
    }

    private void overrunMany(int count) {
        for (int i = 0; i < count; i++) {
            overruns.overran("server " + i, 1000);
        }
    }

    private java.util.List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
