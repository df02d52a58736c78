package io.jdirectord.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.os.BoundUnixDatagram;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JournalEventSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream fallback = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    private BoundUnixDatagram journal;
    private JournalEventSink sink;
    private FailureLog log;

    @BeforeEach
    void bindTheJournal() throws IOException {
        Path socket = dir.resolve("socket");
        journal = BoundUnixDatagram.bind(socket);
        sink = new JournalEventSink(socket.toString(), fallback);
        log = new FailureLog(List.of(sink), Clock.fixed(Instant.parse("2026-11-21T07:00:00Z"), ZoneOffset.UTC), false);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    /** The fields of one native-protocol datagram, in order; a repeated name keeps its last value. */
    private Map<String, String> received() {
        byte[] datagram = journal.receive(WAIT).orElseThrow(() -> new AssertionError("the journal received nothing"));
        Map<String, String> fields = new LinkedHashMap<>();
        int at = 0;
        while (at < datagram.length) {
            int end = indexOf(datagram, at, (byte) '\n');
            int equals = indexOf(datagram, at, (byte) '=');
            if (equals >= 0 && equals < end) {
                fields.put(ascii(datagram, at, equals), utf8(datagram, equals + 1, end));
                at = end + 1;
            } else {
                long length = ByteBuffer.wrap(datagram, end + 1, 8)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getLong();
                int value = end + 9;
                fields.put(ascii(datagram, at, end), utf8(datagram, value, value + (int) length));
                assertThat(datagram[value + (int) length])
                        .as("a binary value ends with a newline")
                        .isEqualTo((byte) '\n');
                at = value + (int) length + 1;
            }
        }
        return fields;
    }

    private static int indexOf(byte[] bytes, int from, byte wanted) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    }

    private static String utf8(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    @Test
    void sendsADownWithTheServersAsFieldsAndAReasonWithANewlineInTheBinarySafeForm() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("virtual", "tcp:[2001:db8::10]:80");
        fields.put("real", "[2001:db8::5]:80");
        fields.put("from", "up");
        fields.put("to", "down");
        fields.put("cause", "check");
        fields.put("reason", "HTTP 503 Service Unavailable\nRetry-After: 30");
        fields.put("elapsed", "3ms");
        fields.put("action", "ipvsadm -d -t [2001:db8::10]:80 -r [2001:db8::5]:80");

        log.event("down", fields);

        assertThat(received())
                .containsExactly(
                        Map.entry(
                                "MESSAGE",
                                "down virtual=tcp:[2001:db8::10]:80 real=[2001:db8::5]:80 from=up to=down cause=check"
                                        + " reason=\"HTTP 503 Service Unavailable\\nRetry-After: 30\" elapsed=3ms"
                                        + " action=\"ipvsadm -d -t [2001:db8::10]:80 -r [2001:db8::5]:80\""),
                        Map.entry("PRIORITY", "4"),
                        Map.entry("SYSLOG_IDENTIFIER", "jdirectord"),
                        Map.entry("JDIRECTORD_EVENT", "down"),
                        Map.entry("VIRTUAL", "tcp:[2001:db8::10]:80"),
                        Map.entry("REAL", "[2001:db8::5]:80"),
                        Map.entry("FROM", "up"),
                        Map.entry("TO", "down"),
                        Map.entry("CAUSE", "check"),
                        Map.entry("REASON", "HTTP 503 Service Unavailable\nRetry-After: 30"),
                        Map.entry("ELAPSED", "3ms"),
                        Map.entry("ACTION", "ipvsadm -d -t [2001:db8::10]:80 -r [2001:db8::5]:80"));
    }

    static Stream<Arguments> eventKinds() {
        return Stream.of(
                Arguments.of(
                        "up",
                        List.of(
                                "virtual",
                                "fwm:7",
                                "real",
                                "10.0.0.5:80",
                                "reason",
                                "HTTP 200",
                                "action",
                                "ipvsadm -a -f 7 -r 10.0.0.5:80 -m -w 1"),
                        "5"),
                Arguments.of(
                        "soft-failure",
                        List.of(
                                "virtual",
                                "udp:192.0.2.53:53",
                                "real",
                                "10.0.0.5:53",
                                "failure",
                                "1/3",
                                "reason",
                                "no answer within 5 s"),
                        "6"),
                Arguments.of(
                        "weight",
                        List.of("virtual", "tcp:192.0.2.10:80", "real", "10.0.0.5:80", "from", "10", "to", "0"),
                        "5"),
                Arguments.of(
                        "table",
                        List.of(
                                "cause",
                                "check",
                                "op",
                                "ipvsadm -a -t 192.0.2.10:80 -r 127.0.0.1:80 -m -w 1",
                                "change",
                                "fallback 127.0.0.1:80 in"),
                        "5"),
                Arguments.of(
                        "table-error",
                        List.of(
                                "cause",
                                "check",
                                "op",
                                "ipvsadm -d -t 192.0.2.10:80 -r 10.0.0.5:80",
                                "error",
                                "No such destination"),
                        "3"),
                Arguments.of("reload", List.of("trigger", "signal HUP", "result", "rejected", "errors", "1"), "4"),
                Arguments.of("reload", List.of("trigger", "signal HUP", "result", "ok", "virtuals", "3"), "5"),
                Arguments.of(
                        "config-warning",
                        List.of(
                                "file",
                                "/etc/jdirectord/jdirectord.cf",
                                "line",
                                "12",
                                "message",
                                "checkport is ignored"),
                        "4"),
                Arguments.of("kernel-setting", List.of("op", "ipvsadm --start-daemon master", "result", "ok"), "6"),
                Arguments.of("start", List.of("config", "/etc/jdirectord/jdirectord.cf", "dry-run", "no"), "5"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("eventKinds")
    void sendsEveryEventKindWithItsPriorityAndEveryFieldUnderItsKeyInUpperCase(
            String name, List<String> keyValues, String priority) {
        log.event(name, keyValues.toArray());

        Map<String, String> fields = received();
        assertThat(fields)
                .containsEntry("PRIORITY", priority)
                .containsEntry("JDIRECTORD_EVENT", name)
                .containsEntry("SYSLOG_IDENTIFIER", "jdirectord");
        assertThat(fields.get("MESSAGE")).startsWith(name + " ");
        for (int i = 0; i < keyValues.size(); i += 2) {
            assertThat(fields).containsEntry(JournalEntry.fieldName(keyValues.get(i)), keyValues.get(i + 1));
        }
        assertThat(fields).hasSize(4 + keyValues.size() / 2);
    }

    @Test
    void namesKeysInUpperCaseAndPrefixesThoseTheJournalDefines() {
        assertThat(JournalEntry.fieldName("real")).isEqualTo("REAL");
        assertThat(JournalEntry.fieldName("dry-run")).isEqualTo("DRY_RUN");
        assertThat(JournalEntry.fieldName("message")).isEqualTo("JDIRECTORD_MESSAGE");
        assertThat(JournalEntry.fieldName("priority")).isEqualTo("JDIRECTORD_PRIORITY");
        assertThat(JournalEntry.fieldName("1st")).isEqualTo("JDIRECTORD_1ST");
    }

    @Test
    void cutsAValueLongerThanTheLimitSoThatTheEntryFitsOneDatagram() {
        String reason = "é".repeat(600_000) + "\nend";

        log.event("down", "virtual", "tcp:192.0.2.10:80", "real", "10.0.0.5:80", "reason", reason);

        Map<String, String> fields = received();
        assertThat(fields.get("REASON")).startsWith("ééé").endsWith("é…").doesNotContain("end");
        assertThat(fields.get("REASON").getBytes(StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(JournalEntry.VALUE_LIMIT_BYTES);
        assertThat(fields.get("MESSAGE"))
                .startsWith("down virtual=tcp:192.0.2.10:80 real=10.0.0.5:80 reason=")
                .endsWith("…");
        assertThat(sink.dropped()).isZero();
    }

    @Test
    void sendsALineThatIsNotAnEventAsAMessage() {
        sink.write("plain text");

        assertThat(received())
                .containsExactly(
                        Map.entry("MESSAGE", "plain text"),
                        Map.entry("PRIORITY", "6"),
                        Map.entry("SYSLOG_IDENTIFIER", "jdirectord"));
    }

    @Test
    void countsEventsTheJournalDoesNotTakeAndSaysSoOnceUntilItTakesThemAgain() {
        journal.close();
        for (int i = 0; i < 3; i++) {
            log.event("down", "virtual", "tcp:192.0.2.10:80", "real", "10.0.0.5:80");
        }

        assertThat(sink.dropped()).isEqualTo(3);
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines().toList())
                .singleElement()
                .asString()
                .startsWith("jdirectord: cannot send events to the journal (send to " + dir.resolve("socket"))
                .contains("errno 111");
    }

    @Test
    void reportsTheCountWhenTheJournalTakesEventsAgainAndOnClose() throws IOException {
        journal.close();
        Files.delete(dir.resolve("socket"));
        log.event("down", "real", "10.0.0.5:80");
        journal = BoundUnixDatagram.bind(dir.resolve("socket"));

        log.event("up", "real", "10.0.0.5:80");
        log.close();

        assertThat(received()).containsEntry("JDIRECTORD_EVENT", "up");
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines().toList())
                .hasSize(3)
                .element(1)
                .asString()
                .isEqualTo("jdirectord: the journal takes events again; 1 event(s) not sent to it so far");
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .endsWith("jdirectord: 1 event(s) were not sent to the journal" + System.lineSeparator());
    }

    @Test
    void neverWaitsForAJournalThatDoesNotRead() {
        for (int i = 0; i < 5_000; i++) {
            log.event("probe", "real", "10.0.0.5:80", "result", "up");
        }

        assertThat(sink.dropped())
                .as("the socket's queue filled up and later events were dropped")
                .isPositive();
    }
}
