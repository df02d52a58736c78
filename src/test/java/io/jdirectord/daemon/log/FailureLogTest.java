package io.jdirectord.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FailureLogTest {

    private static final Instant NOW = Instant.parse("2026-11-21T07:00:00.250Z");

    private final RecordingSink sink = new RecordingSink();

    private FailureLog log(boolean debug, EventSink... sinks) {
        return new FailureLog(List.of(sinks), Clock.fixed(NOW, ZoneOffset.UTC), debug);
    }

    @Test
    void writesOneLinePerEventWithTheClocksTimeAndFieldsInOrder() {
        log(false, sink).event("reload", "trigger", "signal HUP", "result", "ok", "virtuals", 3);

        assertThat(sink.lines())
                .containsExactly("2026-11-21T07:00:00.250Z reload trigger=\"signal HUP\" result=ok virtuals=3");
    }

    @Test
    void writesTimesInTheZoneOfItsClock() {
        new FailureLog(List.of(sink), Clock.fixed(NOW, ZoneOffset.ofHours(2)), false).event("stop", "signal", "TERM");

        assertThat(sink.lines()).containsExactly("2026-11-21T09:00:00.250+02:00 stop signal=TERM");
    }

    @Test
    void keepsTheOrderOfCollectedFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("virtual", "fwm:7");
        fields.put("real", "10.0.0.1:0");
        fields.put("action", "none");

        log(false, sink).event("down", fields);

        assertThat(sink.events()).containsExactly("down virtual=fwm:7 real=10.0.0.1:0 action=none");
    }

    @Test
    void writesProbeLinesOnlyInDebugMode() {
        log(false, sink).debugEvent("probe", "result", "up");
        assertThat(sink.lines()).isEmpty();

        log(true, sink).debugEvent("probe", "result", "up");
        assertThat(sink.events()).containsExactly("probe result=up");
    }

    @Test
    void refusesKeysWithoutValues() {
        assertThatThrownBy(() -> log(false, sink).event("start", "config"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sink.lines()).isEmpty();
    }

    @Test
    void aFailingSinkDoesNotKeepTheLineFromTheOthers() {
        EventSink broken = line -> {
            throw new IllegalStateException("disk full");
        };

        log(false, broken, sink).event("ready", "virtuals", 1);

        assertThat(sink.events()).containsExactly("ready virtuals=1");
    }

    @Test
    void closesItsSinks() {
        AtomicBoolean closed = new AtomicBoolean();
        EventSink closing = new EventSink() {
            @Override
            public void write(String line) {}

            @Override
            public void close() {
                closed.set(true);
            }
        };

        log(false, closing).close();

        assertThat(closed).isTrue();
    }
}
