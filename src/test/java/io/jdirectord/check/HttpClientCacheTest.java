package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.config.TlsVerification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HttpClientCacheTest {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
    private final HttpClientCache cache = new HttpClientCache();

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void sharesOneClientPerTlsSettingAndTimeout() {
        assertThat(cache.client(TlsVerification.OFF, FIVE_SECONDS)).isSameAs(cache.client(TlsVerification.OFF, FIVE_SECONDS));
        TlsVerification system = new TlsVerification(true, Optional.empty());
        assertThat(cache.client(system, FIVE_SECONDS)).isNotSameAs(cache.client(TlsVerification.OFF, FIVE_SECONDS));
        assertThat(cache.client(TlsVerification.OFF, Duration.ofSeconds(6)))
                .isNotSameAs(cache.client(TlsVerification.OFF, FIVE_SECONDS));
    }

    @Test
    void refusesACaFileWithoutCertificates(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "no certificate here\n");
        TlsVerification tls = new TlsVerification(true, Optional.of(empty));
        assertThatThrownBy(() -> cache.client(tls, FIVE_SECONDS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty.pem");
    }
}
