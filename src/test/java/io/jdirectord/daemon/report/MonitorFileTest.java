package io.jdirectord.daemon.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.Forwarding;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.ServiceKind;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MonitorFileTest {

    @TempDir
    Path dir;

    @Test
    void writesOneLineInLdirectordsFormatWithTheReasonEscaped() throws IOException {
        InetAddress address = InetAddress.getByName("127.0.0.3");
        CheckSpec check = CheckSpec.builder()
                .service(ServiceKind.HTTP)
                .request("/index.html")
                .receive("Test Page")
                .build();
        RealServer real =
                new RealServer(address, 8083, Forwarding.MASQ, 1, 0, 0, Optional.empty(), Optional.empty(), 3);
        ProbeSpec probe = new ProbeSpec(check, new Endpoint(address, 8083), Optional.empty());
        MonitorFile file = new MonitorFile(dir.resolve("monitor.log"));

        file.record(
                ZonedDateTime.of(2026, 11, 21, 5, 43, 8, 0, ZoneOffset.UTC),
                probe,
                real,
                false,
                "500 Can't connect|100%\nx");

        assertThat(Files.readString(file.path()))
                .isEqualTo(
                        "[Sat Nov 21 05:43:08 2026] [" + ProcessHandle.current().pid()
                                + "] negotiate http tcp 127.0.0.3 8083 1 masq /index.html Test Page [down] 500 Can't connect%7c100%25%0ax\n");
    }
}
