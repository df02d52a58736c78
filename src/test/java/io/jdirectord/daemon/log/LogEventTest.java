package io.jdirectord.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LogEventTest {

    private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 11, 21, 7, 12, 3, 123_456_789, ZoneOffset.UTC);

    @Test
    void rendersTimestampNameAndFieldsInOrder() {
        String line = LogEvent.at(TIME, "down")
                .with("virtual", "tcp:192.0.2.10:80")
                .with("real", "198.51.100.2:80")
                .with("elapsed", "12ms")
                .build()
                .render();
        assertThat(line)
                .isEqualTo("2026-11-21T07:12:03.123Z down virtual=tcp:192.0.2.10:80 real=198.51.100.2:80 elapsed=12ms");
    }

    @Test
    void quotesValuesWithSpacesQuotesAndEqualsSigns() {
        String line = LogEvent.at(TIME, "down")
                .with("reason", "receive pattern \"OK\" a=b")
                .build()
                .render();
        assertThat(line).endsWith("reason=\"receive pattern \\\"OK\\\" a=b\"");
    }

    @Test
    void keepsEveryEventOnOneLine() {
        String line = LogEvent.at(TIME, "down")
                .with("reason", "line1\nline2\r\u0001")
                .build()
                .render();
        assertThat(line).doesNotContain("\n").endsWith("reason=\"line1\\nline2\\r\\u0001\"");
    }

    @Test
    void quotesEmptyValues() {
        assertThat(LogEvent.at(TIME, "x").with("k", "").build().render()).endsWith(" k=\"\"");
    }
}
