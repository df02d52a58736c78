package io.jdirectord.check;

import java.net.UnknownHostException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * What a dns check asks: the request (without its leading "/") as an absolute name, no search list. An IP
 * address becomes a PTR question for its reverse name; a name an A question, or AAAA when the receive
 * pattern holds a ':' (so it can only match an IPv6 address).
 *
 * @param shown the request as the operator wrote it, for reasons
 * @param name  the name asked for
 * @param type  A, AAAA or PTR
 */
record DnsQuestion(String shown, Name name, int type) {

    /** @throws IllegalArgumentException when the request is not a valid domain name or IP address */
    static DnsQuestion of(String request, String receive) {
        String text = request.startsWith("/") ? request.substring(1) : request;
        if (text.isEmpty()) {
            return new DnsQuestion(text, Name.root, Type.A);
        }
        try {
            return new DnsQuestion(text, ReverseMap.fromAddress(text), Type.PTR);
        } catch (UnknownHostException notAnAddress) {
            return forName(text, receive.contains(":") ? Type.AAAA : Type.A);
        }
    }

    private static DnsQuestion forName(String text, int type) {
        try {
            return new DnsQuestion(text, Name.fromString(text, Name.root), type);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("request \"" + text + "\" is not a domain name: " + e.getMessage(), e);
        }
    }

    /** Whether there is a name to ask for (the default request "/" leaves none). */
    boolean isEmpty() {
        return shown.isEmpty();
    }

    /** A new query for this question with a fresh random ID, recursion desired. */
    Message query() {
        return Message.newQuery(Record.newRecord(name, type, DClass.IN));
    }

    /** Whether {@code reply} is the response to {@code query}: same ID, QR set, same question. */
    static boolean answers(Message reply, Message query) {
        return reply.getHeader().getID() == query.getHeader().getID()
                && reply.getHeader().getFlag(Flags.QR)
                && query.getQuestion().equals(reply.getQuestion());
    }

    /** "A", "AAAA", "PTR". */
    String typeName() {
        return Type.string(type);
    }
}
