package io.jdirectord.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.Config;
import io.jdirectord.config.ConfigMessage;
import io.jdirectord.config.ConfigParser;
import io.jdirectord.config.Family;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.daemon.log.FileOwner;
import io.jdirectord.decision.RealSteer.Admin;
import io.jdirectord.decision.Steering.RealRef;
import io.jdirectord.engine.RealControl;
import io.jdirectord.testing.EngineFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The state file of runtime controls: what is saved is read back the same, a line that cannot be read is a
 * {@code FILE:LINE} warning and the others still count, controls of real servers not configured are left
 * out, a file that cannot be read or written stops nothing, and the file is replaced whole, mode 0640.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ControlStateFileTest {

    private static final Instant SINCE = Instant.parse("2026-12-04T08:00:00Z");
    private static final String BY = "user root (group root)";
    private static final VirtualServiceKey WEB =
            VirtualServiceKey.ofAddress(Protocol.TCP, EngineFixtures.ip("192.0.2.10"), 80);
    private static final VirtualServiceKey DNS =
            VirtualServiceKey.ofAddress(Protocol.UDP, EngineFixtures.ip("2001:db8::10"), 53);
    private static final VirtualServiceKey MARKED = VirtualServiceKey.ofMark(Family.INET, 7);
    private static final RealRef WEB_1 = new RealRef(WEB, EngineFixtures.endpoint("10.0.0.1", 80));
    private static final RealRef WEB_2 = new RealRef(WEB, EngineFixtures.endpoint("10.0.0.2", 80));
    private static final RealRef DNS_1 = new RealRef(DNS, EngineFixtures.endpoint("2001:db8::1", 53));
    private static final RealRef MARKED_3 = new RealRef(MARKED, EngineFixtures.endpoint("10.0.0.3", 0));
    private static final String CONFIG = """
            virtual=192.0.2.10:80
                real=10.0.0.1:80 masq
                real=10.0.0.2:80 masq 2
                checktype=connect
            virtual6=[2001:db8::10]:53
                protocol=udp
                real6=[2001:db8::1]:53 masq
                checktype=on
            virtual=7
                real=10.0.0.3 masq
                checktype=connect
                checkport=80
            """;

    @TempDir
    Path dir;

    private Config config;
    private Path path;
    private final List<String> errors = new ArrayList<>();
    private ControlStateFile file;

    @BeforeEach
    void setUp() throws Exception {
        Path cf = dir.resolve("jdirectord.cf");
        Files.writeString(cf, CONFIG);
        config = new ConfigParser().parse(cf);
        path = ControlStateFile.pathFor(dir.resolve("state"), cf);
        file = new ControlStateFile(path, FileOwner.KEEP, (file, error) -> errors.add(file + ": " + error));
    }

    private static RealControl control(Admin admin, OptionalInt weight, Optional<Instant> deadline) {
        return new RealControl(admin, weight, deadline, BY, SINCE);
    }

    private void writeLines(String... lines) throws Exception {
        Files.createDirectories(path.getParent());
        Files.writeString(path, String.join("\n", lines) + "\n");
    }

    @Test
    void whatIsSavedIsReadBackTheSameForEveryKindOfVirtualService() {
        Map<RealRef, RealControl> saved = new LinkedHashMap<>();
        saved.put(WEB_1, control(Admin.DISABLED, OptionalInt.empty(), Optional.empty()));
        saved.put(
                WEB_2,
                control(Admin.DRAINING, OptionalInt.of(5), Optional.of(Instant.parse("2026-12-04T08:05:00.250Z"))));
        saved.put(DNS_1, control(Admin.ENABLED, OptionalInt.of(0), Optional.empty()));
        saved.put(MARKED_3, control(Admin.DRAINED, OptionalInt.empty(), Optional.empty()));

        file.save(() -> saved);
        ControlStateFile.Restored restored = file.read(config);

        assertThat(restored.controls()).containsExactlyEntriesOf(saved);
        assertThat(restored.warnings()).isEmpty();
        assertThat(restored.notConfigured()).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void theFileIsOneReadableLinePerControlledRealServerUnderAHeader() throws Exception {
        file.save(() -> Map.of(
                WEB_2, control(Admin.DRAINING, OptionalInt.of(5), Optional.of(Instant.parse("2026-12-04T08:05:00Z")))));

        assertThat(Files.readAllLines(path))
                .containsExactly(
                        "# jdirectord: runtime controls (disable, enable, drain, weight), rewritten on every change;"
                                + " see jdirectord(8)",
                        "# virtual real admin weight drain-deadline since by",
                        "tcp:192.0.2.10:80 10.0.0.2:80 draining 5 2026-12-04T08:05:00Z 2026-12-04T08:00:00Z " + BY);
    }

    @Test
    void aLineThatCannotBeReadIsAWarningNamingFileAndLineAndTheOthersStillCount() throws Exception {
        writeLines(
                "# comment",
                "tcp:192.0.2.10:80 10.0.0.1:80 disabled - - 2026-12-04T08:00:00Z " + BY,
                "tcp:192.0.2.10:80 10.0.0.2:80 sleeping - - 2026-12-04T08:00:00Z " + BY,
                "",
                "\u0000\u00ff garbage");

        ControlStateFile.Restored restored = file.read(config);

        assertThat(restored.controls()).containsOnlyKeys(WEB_1);
        assertThat(restored.warnings())
                .extracting(ConfigMessage::toString)
                .containsExactly(
                        path + ":3: ignored: admin must be enabled, disabled, draining or drained, not \"sleeping\"",
                        path + ":5: ignored: expected 7 fields (virtual real admin weight drain-deadline since by),"
                                + " found 2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "web1.example:80 10.0.0.1:80 disabled - - 2026-12-04T08:00:00Z root | not a virtual id",
                "tcp:192.0.2.10:80 10.0.0.1 disabled - - 2026-12-04T08:00:00Z root | the real server needs its port",
                "tcp:192.0.2.10:80 10.0.0.1:80 disabled 70000 - 2026-12-04T08:00:00Z root | weight must be",
                "tcp:192.0.2.10:80 10.0.0.1:80 disabled - 2026-12-04T08:05:00Z 2026-12-04T08:00:00Z root"
                        + " | a drain deadline goes with draining only",
                "tcp:192.0.2.10:80 10.0.0.1:80 draining - tomorrow 2026-12-04T08:00:00Z root | drain deadline must be",
                "tcp:192.0.2.10:80 10.0.0.1:80 disabled - - 2026-12-04 08:00 root | since must be",
                "fwm:0 10.0.0.3:0 disabled - - 2026-12-04T08:00:00Z root | invalid firewall mark",
            })
    void aMalformedLineIsIgnoredWithAReason(String line, String reason) throws Exception {
        writeLines(line);

        ControlStateFile.Restored restored = file.read(config);

        assertThat(restored.controls()).isEmpty();
        assertThat(restored.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.line()).isEqualTo(1);
            assertThat(warning.message()).startsWith("ignored: " + reason);
        });
    }

    @Test
    void aSecondLineForTheSameRealServerIsIgnored() throws Exception {
        writeLines(
                "tcp:192.0.2.10:80 10.0.0.1:80 disabled - - 2026-12-04T08:00:00Z " + BY,
                "tcp:192.0.2.10:80 10.0.0.1:80 enabled 3 - 2026-12-04T08:00:00Z " + BY);

        ControlStateFile.Restored restored = file.read(config);

        assertThat(restored.controls().get(WEB_1).admin()).isEqualTo(Admin.DISABLED);
        assertThat(restored.warnings())
                .extracting(ConfigMessage::toString)
                .containsExactly(path + ":2: ignored: line 1 has this real server");
    }

    @Test
    void controlsOfRealServersOrVirtualServicesNotConfiguredAreLeftOutAndNamed() throws Exception {
        writeLines(
                "tcp:192.0.2.10:80 10.0.0.9:80 disabled - - 2026-12-04T08:00:00Z " + BY,
                "tcp:192.0.2.99:80 10.0.0.1:80 disabled - - 2026-12-04T08:00:00Z " + BY,
                "tcp:192.0.2.10:80 10.0.0.1:80 disabled - - 2026-12-04T08:00:00Z " + BY);

        ControlStateFile.Restored restored = file.read(config);

        assertThat(restored.controls()).containsOnlyKeys(WEB_1);
        assertThat(restored.notConfigured())
                .containsExactly(
                        new RealRef(WEB, EngineFixtures.endpoint("10.0.0.9", 80)),
                        new RealRef(
                                VirtualServiceKey.ofAddress(Protocol.TCP, EngineFixtures.ip("192.0.2.99"), 80),
                                EngineFixtures.endpoint("10.0.0.1", 80)));
        assertThat(restored.warnings()).isEmpty();
    }

    @Test
    void aDrainWhoseDeadlinePassedIsReadAsItWasForTheFirstPassToEnd() throws Exception {
        writeLines("tcp:192.0.2.10:80 10.0.0.2:80 draining - 2020-01-01T00:00:00Z 2019-12-31T23:59:00Z " + BY);

        RealControl restored = file.read(config).controls().get(WEB_2);

        assertThat(restored.admin()).isEqualTo(Admin.DRAINING);
        assertThat(restored.deadline()).contains(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void aMissingFileHoldsNothingAndAnUnreadableOneIsOneWarning() throws Exception {
        assertThat(file.read(config)).isEqualTo(new ControlStateFile.Restored(Map.of(), List.of(), List.of()));

        Files.createDirectories(path); // a directory where the file should be: it cannot be read
        ControlStateFile.Restored unreadable = file.read(config);

        assertThat(unreadable.controls()).isEmpty();
        assertThat(unreadable.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.line()).isZero();
            assertThat(warning.message()).startsWith("cannot read: ").endsWith("; no runtime control restored");
        });
    }

    @Test
    void theFileIsReplacedWholeByRenameWithMode0640AndNoTemporaryFileLeft() throws Exception {
        file.save(() -> Map.of(WEB_1, control(Admin.DISABLED, OptionalInt.empty(), Optional.empty())));
        Path earlier = dir.resolve("earlier");
        Files.createLink(earlier, path);
        String before = Files.readString(path);

        file.save(() -> Map.of(WEB_1, control(Admin.DRAINED, OptionalInt.empty(), Optional.empty())));

        assertThat(Files.readString(earlier)).isEqualTo(before); // the old file was not written into
        assertThat(Files.readString(path)).contains(" drained ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                .isEqualTo("rw-r-----");
        try (Stream<Path> files = Files.list(path.getParent())) {
            assertThat(files).containsExactly(path);
        }
    }

    @Test
    void unchangedControlsAreNotWrittenAgain() throws Exception {
        Map<RealRef, RealControl> controls =
                Map.of(WEB_1, control(Admin.DISABLED, OptionalInt.empty(), Optional.empty()));
        file.assumeSaved(controls);
        file.save(() -> controls);
        assertThat(path).doesNotExist();

        file.save(Map::of);
        Object inode = Files.getAttribute(path, "unix:ino");
        file.save(Map::of);

        assertThat(Files.getAttribute(path, "unix:ino")).isEqualTo(inode);
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedOncePerChangeAndStopsNothing() throws Exception {
        Files.writeString(dir.resolve("state"), "a file where the directory should be");
        Map<RealRef, RealControl> disabled =
                Map.of(WEB_1, control(Admin.DISABLED, OptionalInt.empty(), Optional.empty()));

        file.save(() -> disabled);
        file.save(() -> disabled);
        file.save(Map::of);

        assertThat(errors).hasSize(2).allMatch(error -> error.startsWith(path + ": "));
    }
}
