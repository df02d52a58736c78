package io.jdirectord.check;

import io.jdirectord.check.spec.FtpSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPReply;

/**
 * service = ftp: greeting 2xx, login (login/passwd; "anonymous" and "jdirectord@" when empty), CWD /,
 * TYPE I, passive mode, RETR of the request path; the download (at most maxReceiveBytes, the rest is not
 * read) must match receive when one is set. CWD and TYPE answers are not judged (as in ldirectord); the
 * login and the transfer must succeed. The data connection always goes to the control connection's
 * address, whatever address a PASV reply names. Ends with QUIT, whose answer does not matter.
 * Whole-probe timeout: negotiatetimeout.
 */
public final class FtpCheck extends ConversationCheck {

    private static final String GREETING = "FTP greeting";
    private static final String ANONYMOUS = "anonymous";

    private final FtpSpec spec;
    private final ReceivePattern receive;

    /** @throws IllegalArgumentException when receive is not a valid regular expression */
    public FtpCheck(FtpSpec spec) {
        super(spec.probe());
        this.spec = spec;
        this.receive = ReceivePattern.of(spec.receive());
    }

    @Override
    CheckResult converse(SocketProbe probe) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.setPassiveNatWorkaroundStrategy(pasvHost -> address.getHostAddress());
        probe.connectingWith(ftp, GREETING);
        try {
            ftp.connect(address, port);
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
                return CheckResult.down(GREETING + " " + Reasons.serverLine(ftp.getReplyString()));
            }
            Optional<CheckResult> refused = login(probe, ftp);
            if (refused.isPresent()) {
                return refused.get();
            }
            prepareTransfer(probe, ftp);
            CheckResult result = retrieve(probe, ftp);
            probe.sayGoodbye("FTP QUIT", ftp, ftp::logout);
            return result;
        } catch (FTPConnectionClosedException e) {
            return CheckResult.down(Reasons.closedByServer(probe.phase(), ftp.getReplyCode(), ftp.getReplyString()));
        }
    }

    private Optional<CheckResult> login(SocketProbe probe, FTPClient ftp) throws IOException {
        String user = spec.login().isEmpty() ? ANONYMOUS : spec.login();
        String password = spec.passwd().isEmpty() && user.equals(ANONYMOUS) ? "jdirectord@" : spec.passwd();
        probe.phase("FTP login");
        ftp.setSoTimeout(probe.remainingMillis());
        if (ftp.login(user, password)) {
            return Optional.empty();
        }
        return Optional.of(CheckResult.down("FTP login as " + user + ": " + Reasons.serverLine(ftp.getReplyString())));
    }

    private static void prepareTransfer(SocketProbe probe, FTPClient ftp) throws IOException {
        probe.phase("FTP CWD /");
        ftp.setSoTimeout(probe.remainingMillis());
        ftp.changeWorkingDirectory("/");
        probe.phase("FTP TYPE I");
        ftp.setSoTimeout(probe.remainingMillis());
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        ftp.enterLocalPassiveMode();
    }

    private CheckResult retrieve(SocketProbe probe, FTPClient ftp) throws IOException {
        String path = spec.request();
        probe.phase("RETR " + path);
        ftp.setSoTimeout(probe.remainingMillis());
        ftp.setConnectTimeout(probe.remainingMillis());
        ftp.setDataTimeout(Duration.ofMillis(probe.remainingMillis()));
        byte[] content;
        try (InputStream data = ftp.retrieveFileStream(path)) {
            if (data == null) {
                return CheckResult.down("RETR " + path + ": " + Reasons.serverLine(ftp.getReplyString()));
            }
            content = data.readNBytes(spec.probe().maxReceiveBytes());
        }
        boolean whole = content.length < spec.probe().maxReceiveBytes();
        ftp.setSoTimeout(probe.remainingMillis());
        if (!ftp.completePendingCommand() && whole) {
            return CheckResult.down("RETR " + path + ": " + Reasons.serverLine(ftp.getReplyString()));
        }
        return judge(probe, path, content, whole);
    }

    private CheckResult judge(SocketProbe probe, String path, byte[] content, boolean whole) {
        String size = whole ? ByteSize.describe(content.length) : "the first " + ByteSize.describe(content.length);
        if (receive.isEmpty()) {
            return CheckResult.up("RETR " + path + ": " + size);
        }
        String text = new String(content, StandardCharsets.UTF_8);
        return receive.judge(text, "RETR " + path, size, probe.deadline(), timeout());
    }
}
