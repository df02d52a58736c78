package io.jdirectord.daemon.alert;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Hands alerts to the local mail system ({@code sendmail -t -oi}) when no {@code smtp} relay is set. */
public final class SendmailAlertMailer implements AlertMailer {

    private final Path sendmail;
    private final Duration timeout;

    public SendmailAlertMailer(Path sendmail, Duration timeout) {
        this.sendmail = sendmail;
        this.timeout = timeout;
    }

    @Override
    public void send(Alert alert) throws IOException {
        Process process = new ProcessBuilder(sendmail.toString(), "-t", "-oi")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(MailText.message(alert).getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(sendmail + " did not finish within " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + sendmail, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(sendmail + " exited with status " + process.exitValue());
        }
    }
}
