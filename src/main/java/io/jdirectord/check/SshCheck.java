package io.jdirectord.check;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import io.jdirectord.check.spec.SshSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * service = ssh (an extension): version exchange and key exchange must complete.
 * <ul>
 * <li>Without a login that is all: the check is up once the server's host key has been received and its
 * signature over the exchange verified. The client then offers only the "none" method as user
 * "jdirectord", so the refused login that follows is expected.</li>
 * <li>With a login the server must also accept it: by public key when sshkey is set, by password (or one
 * keyboard-interactive password prompt) when passwd is set, both in that order when both are; a login
 * with neither must be let in by the "none" method. A login cut off by the deadline is a timeout.</li>
 * </ul>
 * Host keys are not checked against any known_hosts file; servers that offer only ssh-rsa signatures or
 * diffie-hellman-group14-sha1 are still understood. Whole-probe timeout: negotiatetimeout.
 */
public final class SshCheck extends ConversationCheck {

    private static final String HANDSHAKE = "SSH handshake";
    private static final String PROBE_USER = "jdirectord";
    private static final Pattern AUTH_REFUSED = Pattern.compile("Auth (?:fail|cancel) for methods '([^']*)'");

    private final SshSpec spec;

    /**
     * An sshkey without a login is a configuration error (ProbeValidation); without a login the key is not
     * offered.
     *
     * @throws IllegalArgumentException when sshkey names a file that is not readable (any more)
     */
    public SshCheck(SshSpec spec) {
        super(spec.probe());
        this.spec = spec;
        Optional<Path> key = spec.sshKey();
        if (key.isPresent() && !Files.isReadable(key.get())) {
            throw new IllegalArgumentException("sshkey " + key.get() + " is not a readable file");
        }
    }

    @Override
    CheckResult converse(SocketProbe probe) throws IOException {
        Session session;
        try {
            session = session(probe);
        } catch (JSchException e) {
            return CheckResult.down("sshkey "
                    + spec.sshKey().map(Path::toString).orElse("") + ": " + Reasons.serverLine(e.getMessage()));
        }
        probe.connecting(HANDSHAKE);
        try {
            session.connect(probe.remainingMillis());
            return CheckResult.up(Reasons.serverLine(session.getServerVersion()) + "; logged in as " + user());
        } catch (JSchException e) {
            return failed(probe, session, e);
        } finally {
            session.disconnect();
        }
    }

    private CheckResult failed(SocketProbe probe, Session session, JSchException e) throws IOException {
        boolean keyExchanged = session.getHostKey() != null;
        if (keyExchanged && spec.login().isEmpty()) {
            return CheckResult.up(Reasons.serverLine(session.getServerVersion()) + "; host key "
                    + session.getHostKey().getType() + " received (no login configured)");
        }
        if (keyExchanged) {
            probe.phase("SSH login as " + spec.login());
        }
        if (e.getCause() instanceof IOException io) {
            throw io;
        }
        if (probe.deadline().expired()) {
            return CheckResult.down(Reasons.timeoutIn(probe.phase(), timeout()));
        }
        return CheckResult.down(probe.phase() + ": " + Reasons.serverLine(loginRefusal(e.getMessage())));
    }

    /**
     * JSch ends a refused login with "Auth fail for methods 'x,y'" or, when the server asks again after a
     * wrong answer, "Auth cancel for methods 'x,y'"; both mean the credentials were not accepted.
     */
    private static String loginRefusal(String message) {
        Matcher refused = AUTH_REFUSED.matcher(message == null ? "" : message);
        return refused.matches() ? "credentials not accepted (server offers " + refused.group(1) + ")" : message;
    }

    private Session session(SocketProbe probe) throws JSchException {
        JSch jsch = new JSch();
        if (spec.sshKey().isPresent()) {
            jsch.addIdentity(spec.sshKey().get().toString());
        }
        Session session = jsch.getSession(user(), address.getHostAddress(), port);
        session.setConfig("StrictHostKeyChecking", "no");
        session.setConfig("PreferredAuthentications", authentications());
        session.setConfig("server_host_key", JSch.getConfig("server_host_key") + ",ssh-rsa");
        session.setConfig("PubkeyAcceptedAlgorithms", JSch.getConfig("PubkeyAcceptedAlgorithms") + ",ssh-rsa");
        session.setConfig("kex", JSch.getConfig("kex") + ",diffie-hellman-group14-sha1");
        session.setSocketFactory(new ProbeSocketFactory(probe, address));
        session.setThreadFactory(Thread.ofVirtual().name("ssh-check-session").factory());
        if (!spec.passwd().isEmpty()) {
            session.setPassword(spec.passwd().getBytes(StandardCharsets.UTF_8));
        }
        return session;
    }

    private String user() {
        return spec.login().isEmpty() ? PROBE_USER : spec.login();
    }

    /** The methods offered, in order; "none" alone when there is nothing to log in with. */
    private String authentications() {
        List<String> methods = new ArrayList<>();
        if (spec.sshKey().isPresent()) {
            methods.add("publickey");
        }
        if (!spec.passwd().isEmpty()) {
            methods.add("password");
            methods.add("keyboard-interactive");
        }
        return methods.isEmpty() ? "none" : String.join(",", methods);
    }

    /** Opens JSch's one socket through the probe, to the real's address, with the deadline's time left. */
    private record ProbeSocketFactory(SocketProbe probe, InetAddress address) implements SocketFactory {
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = probe.sockets().createSocket(address, port);
            socket.setSoTimeout(probe.remainingMillis());
            return socket;
        }

        @Override
        public InputStream getInputStream(Socket socket) throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream getOutputStream(Socket socket) throws IOException {
            return socket.getOutputStream();
        }
    }
}
