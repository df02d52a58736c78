package io.jdirectord.check.testing;

import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A GreenMail server speaking one protocol (ServerSetup.PROTOCOL_SMTP, _POP3, _POP3S, _IMAP, _IMAPS) on
 * one address and a free port, with one user "bob" (mail address bob@mail.test).
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail mail;
    private final AbstractServer server;

    private MailServer(GreenMail mail, AbstractServer server) {
        this.mail = mail;
        this.server = server;
    }

    /** Starts the server; bob logs in with {@code password}. */
    public static MailServer start(String address, String protocol, String password) {
        GreenMail mail = new GreenMail(new ServerSetup(0, address, protocol).dynamicPort());
        mail.start();
        mail.setUser("bob@mail.test", "bob", password);
        return new MailServer(
                mail,
                switch (protocol) {
                    case ServerSetup.PROTOCOL_SMTP -> mail.getSmtp();
                    case ServerSetup.PROTOCOL_POP3 -> mail.getPop3();
                    case ServerSetup.PROTOCOL_POP3S -> mail.getPop3s();
                    case ServerSetup.PROTOCOL_IMAP -> mail.getImap();
                    case ServerSetup.PROTOCOL_IMAPS -> mail.getImaps();
                    default -> throw new IllegalArgumentException("no GreenMail protocol " + protocol);
                });
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        mail.stop();
    }
}
