package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.apache.commons.net.MalformedServerReplyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReasonsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(2000);

    private static String describe(IOException error, String phase, boolean deadlineHit) {
        return Reasons.inPhase(error, phase, deadlineHit, TIMEOUT);
    }

    @Test
    void namesConnectFailures() {
        assertThat(describe(new SocketTimeoutException("Connect timed out"), "connect", false))
                .isEqualTo("connect timeout after 2000 ms");
        assertThat(describe(new ConnectException("Connection refused"), "connect", false))
                .isEqualTo("connection refused");
        assertThat(describe(new NoRouteToHostException("No route to host"), "connect", false))
                .isEqualTo("connect: no route to host");
        assertThat(describe(new SocketException("Network is unreachable"), "connect", false))
                .isEqualTo("connect: SocketException: Network is unreachable");
    }

    @Test
    void reportsTheDeadlineWhateverTheClosedSocketSaid() {
        assertThat(describe(new SocketException("Socket closed"), "FTP login", true))
                .isEqualTo("FTP login: timeout after 2000 ms");
    }

    @Test
    void reportsAReadTimeoutThatTheProtocolLibraryWrapped() {
        IOException wrapped = new IOException(
                "Timed out waiting for initial connect reply", new SocketTimeoutException("Read timed out"));
        assertThat(describe(wrapped, "FTP greeting", false)).isEqualTo("FTP greeting: timeout after 2000 ms");
    }

    @Test
    void namesProtocolFailuresWithTheirPhase() {
        assertThat(describe(new ReceiveLimitException(65536), "POP3 greeting", false))
                .isEqualTo("POP3 greeting: more than 64 KiB received");
        assertThat(describe(new MalformedServerReplyException("Truncated server reply: 2"), "SMTP EHLO", false))
                .isEqualTo("SMTP EHLO: malformed reply: Truncated server reply: 2");
        assertThat(describe(new EOFException("Connection closed without indication."), "IMAP login", false))
                .isEqualTo("IMAP login: connection closed by server");
    }

    @Test
    void namesTheInnermostCauseOfATlsFailure() {
        SSLHandshakeException handshake = new SSLHandshakeException("(certificate_unknown) PKIX path building failed");
        handshake.initCause(new java.security.cert.CertificateException("No name matching mail.test found"));
        assertThat(describe(handshake, "TLS handshake", false))
                .isEqualTo("TLS handshake: No name matching mail.test found");
    }

    @Test
    void showsServerTextAsOneShortPrintableLine() {
        assertThat(Reasons.serverLine("\r\n550 nope\r\n550 second line")).isEqualTo("550 nope");
        assertThat(Reasons.serverLine("220 bell\u0007 and \u00e9")).isEqualTo("220 bell? and ?");
        assertThat(Reasons.serverLine("x".repeat(500)))
                .hasSize(Reasons.LINE_CHARS + 1)
                .endsWith("…");
        assertThat(Reasons.serverLine(null)).isEmpty();
    }

    @Test
    void writesSizesForPeople() {
        assertThat(ByteSize.describe(1)).isEqualTo("1 byte");
        assertThat(ByteSize.describe(1023)).isEqualTo("1023 bytes");
        assertThat(ByteSize.describe(1024)).isEqualTo("1 KiB");
        assertThat(ByteSize.describe(1260)).isEqualTo("1.2 KiB");
        assertThat(ByteSize.describe(65536)).isEqualTo("64 KiB");
        assertThat(ByteSize.describe(5L << 20)).isEqualTo("5 MiB");
    }
}
