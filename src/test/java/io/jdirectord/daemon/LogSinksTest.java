package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.LogTarget;
import io.jdirectord.daemon.log.EventSink;
import io.jdirectord.daemon.log.FileEventSink;
import io.jdirectord.daemon.log.JournalEventSink;
import io.jdirectord.daemon.log.StreamEventSink;
import io.jdirectord.daemon.log.SyslogEventSink;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LogSinksTest {

    @TempDir
    Path dir;

    private static final Optional<String> UNDER_SYSTEMD =
            JournalEventSink.socketFor(Map.of("JOURNAL_STREAM", "8:12345"));

    private static List<Class<?>> kinds(List<EventSink> sinks) {
        return sinks.stream().<Class<?>>map(Object::getClass).toList();
    }

    /** The file a configuration without logfile= writes (here in the temporary directory). */
    private LogTarget defaultFile() {
        return new LogTarget.File(dir.resolve("jdirectord.log"), false);
    }

    private static List<Class<?>> sinks(LogTarget target, boolean debug, Optional<String> journal) {
        return kinds(LogSinks.of(target, debug, new PrintStream(PrintStream.nullOutputStream()), journal));
    }

    @Test
    void findsTheJournalWhenSystemdStartedTheProcess() {
        assertThat(JournalEventSink.socketFor(Map.of("JOURNAL_STREAM", "8:12345")))
                .contains("/run/systemd/journal/socket");
        assertThat(JournalEventSink.socketFor(Map.of("INVOCATION_ID", "0123456789abcdef")))
                .contains("/run/systemd/journal/socket");
        assertThat(JournalEventSink.socketFor(Map.of("INVOCATION_ID", "x", "JDIRECTORD_JOURNAL_SOCKET", "/tmp/j")))
                .contains("/tmp/j");
    }

    @Test
    void findsNoJournalWithoutSystemd() {
        assertThat(JournalEventSink.socketFor(Map.of())).isEmpty();
        assertThat(JournalEventSink.socketFor(Map.of("JOURNAL_STREAM", "", "JDIRECTORD_JOURNAL_SOCKET", "/tmp/j")))
                .isEmpty();
    }

    @Test
    void writesTheDefaultFileAndTheJournalUnderSystemdWithoutALogfile() {
        assertThat(sinks(defaultFile(), false, UNDER_SYSTEMD))
                .containsExactly(FileEventSink.class, JournalEventSink.class);
    }

    @Test
    void leavesTheJournalOutWithoutSystemd() {
        assertThat(sinks(defaultFile(), false, JournalEventSink.socketFor(Map.of())))
                .containsExactly(FileEventSink.class);
    }

    @Test
    void leavesTheJournalOutWhenALogfileIsConfigured() {
        assertThat(sinks(new LogTarget.File(dir.resolve("jdirectord.log")), false, UNDER_SYSTEMD))
                .containsExactly(FileEventSink.class);
        assertThat(sinks(new LogTarget.Syslog("local0"), false, UNDER_SYSTEMD)).containsExactly(SyslogEventSink.class);
    }

    @Test
    void writesOnlyStandardErrorInDebugMode() {
        assertThat(sinks(defaultFile(), true, UNDER_SYSTEMD)).containsExactly(StreamEventSink.class);
    }
}
