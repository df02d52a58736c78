package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No input makes the parser throw anything but ConfigException, and messages stay short. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GarbageInputTest {

    private static final String[] PIECES = {
        "virtual",
        "virtual6",
        "real",
        "real6",
        "fallback",
        "fallback6",
        "=",
        " ",
        "\t",
        "    ",
        "\n",
        "\n",
        "\n",
        "#",
        "\"",
        "\"",
        ":",
        "::",
        "->",
        "[",
        "]",
        ",",
        "1",
        "80",
        "65536",
        "0",
        "192.0.2.1",
        "10.0.0.1",
        "2001:db8::1",
        "gate",
        "masq",
        "ipip",
        "l:",
        "u:",
        "checktype",
        "service",
        "http",
        "udp",
        "protocol",
        "fwm",
        "scheduler",
        "netmask",
        "255.255.255.0",
        "persistent",
        "checkinterval",
        "0.5",
        "request",
        "receive",
        "yes",
        "no",
        "quiescent",
        "emailalertstatus",
        "none",
        "all",
        "syncdaemon",
        "master",
        "ipvstimeouts",
        "statusaddress",
        "supervised",
        "checkport",
        "sshkey",
        "cacert",
        "\r",
        "\0",
        "\u00e9",
        "external",
        "checkcommand",
        "/bin/true",
        "-",
        ".",
        "99999999999999999999",
        "domain",
        "www.example.test"
    };

    @TempDir
    Path dir;

    private void parsesOrRejects(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("fuzz.cf"), bytes);
        List<ConfigMessage> messages;
        try {
            messages = new ConfigParser(new TableResolver()).parse(file).warnings();
        } catch (ConfigException e) {
            messages = e.errors();
            assertThat(messages).isNotEmpty();
        }
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.line()).isGreaterThanOrEqualTo(0);
            assertThat(m.message()).hasSizeLessThan(500);
        });
    }

    @Test
    void survivesRandomLinesMadeOfConfigurationPieces() throws IOException {
        Random random = new Random(20261121);
        for (int file = 0; file < 400; file++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            parsesOrRejects(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void survivesBinaryGarbage() throws IOException {
        Random random = new Random(42);
        for (int file = 0; file < 100; file++) {
            byte[] bytes = new byte[random.nextInt(4000)];
            random.nextBytes(bytes);
            parsesOrRejects(bytes);
        }
    }

    static Stream<String> hugeLines() {
        return Stream.of(
                "a".repeat(1 << 20),
                "virtual=" + "1.".repeat(300_000) + "1",
                "virtual=" + "1".repeat(300_000),
                "virtual6=[" + "1:".repeat(200_000) + "]:80",
                "virtual=192.0.2.1:80\n\treal=10.0.0.1:80 gate " + "\"x\" ".repeat(100_000),
                "virtual=192.0.2.1:80\n\treal=" + "1".repeat(200_000) + "->2:80 gate",
                "virtual=192.0.2.1:80\n\tschedflags=" + "sh-port,".repeat(100_000),
                "virtual=192.0.2.1:80\n\treceive=\"" + "#\"".repeat(100_000),
                "checkinterval=" + "9".repeat(100_000) + ".5",
                "checktimeout=x" + "1".repeat(100_000),
                "emailalertstatus=" + "all,".repeat(100_000),
                "quiescent=no " + "# ".repeat(100_000),
                "#".repeat(1 << 20),
                "\t".repeat(1 << 20) + "x",
                "virtual=192.0.2.1:80\n" + "\n".repeat(100_000) + "\treal=10.0.0.1 gate");
    }

    @ParameterizedTest
    @MethodSource("hugeLines")
    void survivesHugeLines(String text) throws IOException {
        parsesOrRejects(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void rejectsAFileLargerThanAMegabyte() throws IOException {
        Path file = Files.write(dir.resolve("big.cf"), new byte[(int) Limits.MAX_FILE_BYTES + 1]);
        try {
            new ConfigParser(new TableResolver()).parse(file);
            throw new AssertionError("accepted a too large file");
        } catch (ConfigException e) {
            assertThat(e.errors())
                    .extracting(ConfigMessage::toString)
                    .singleElement()
                    .asString()
                    .startsWith(file + ": file is too large (more than 1048576 bytes)");
        }
    }

    @Test
    void parsesThousandsOfVirtualServices() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            text.append("virtual=")
                    .append(i)
                    .append("\n\treal=10.0.")
                    .append(i / 256)
                    .append('.')
                    .append(i % 256)
                    .append(" gate\n");
        }
        assertThat(new Fixture(dir).parse(text.toString()).virtualServices()).hasSize(5000);
    }
}
