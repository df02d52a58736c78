package io.jdirectord.daemon.alert;

/**
 * The RFC 5322 text of an alert: From, To and Subject headers, a blank line, the body with CRLF line ends.
 * Not dot-stuffed: the SMTP client does that, and sendmail runs with -oi.
 */
public final class MailText {

    private MailText() {}

    public static String message(Alert alert) {
        StringBuilder text = new StringBuilder()
                .append("From: ")
                .append(alert.from())
                .append("\r\n")
                .append("To: ")
                .append(String.join(", ", alert.recipients()))
                .append("\r\n")
                .append("Subject: ")
                .append(oneLine(alert.subject()))
                .append("\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n")
                .append("\r\n");
        for (String line : alert.body().split("\n", -1)) {
            text.append(line).append("\r\n");
        }
        return text.toString();
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
