package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdirectord.config.TlsVerification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsContextsTest {

    private final TlsContexts contexts = new TlsContexts();

    @Test
    void sharesOneSetUpPerVerificationSetting() {
        TlsVerification system = new TlsVerification(true, Optional.empty());
        assertThat(contexts.forVerification(TlsVerification.OFF))
                .isSameAs(contexts.forVerification(TlsVerification.OFF));
        assertThat(contexts.forVerification(system))
                .isSameAs(contexts.forVerification(system))
                .isNotSameAs(contexts.forVerification(TlsVerification.OFF));
    }

    @Test
    void refusesACaFileWithoutCertificates(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "no certificate here\n");
        TlsVerification tls = new TlsVerification(true, Optional.of(empty));
        assertThatThrownBy(() -> contexts.forVerification(tls))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty.pem");
    }
}
