package io.jdirectord.check.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.function.Function;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * A scriptable DNS server for check tests: the same answer function served over UDP ({@link #udp}) or
 * TCP with length-prefixed messages ({@link #tcp}), and helpers that build replies to a query.
 */
public final class FakeDnsServer {

    private FakeDnsServer() {}

    /** A UDP server on {@code address} (any free port, or {@code port}) answering each query with {@code answer}. */
    public static UdpResponder udp(InetAddress address, int port, Function<Message, List<byte[]>> answer)
            throws IOException {
        return UdpResponder.answering(address, port, request -> answer.apply(parse(request)));
    }

    /** A TCP server answering each length-prefixed query on a connection with {@code answer}. */
    public static ScriptedServer tcp(InetAddress address, Function<Message, List<byte[]>> answer) throws IOException {
        return ScriptedServer.conversation(address, connection -> {
            DataInputStream in = new DataInputStream(connection.in());
            DataOutputStream out = new DataOutputStream(connection.out());
            try {
                while (true) {
                    byte[] query = in.readNBytes(in.readUnsignedShort());
                    for (byte[] reply : answer.apply(parse(query))) {
                        out.writeShort(reply.length);
                        out.write(reply);
                    }
                    out.flush();
                }
            } catch (EOFException clientClosed) {
                // The probe is done with the connection.
            }
        });
    }

    /** A NOERROR reply to {@code query} holding one A, AAAA or PTR record per value (addresses or names). */
    public static byte[] answer(Message query, String... values) {
        return answerMessage(query, values).toWire();
    }

    private static Message answerMessage(Message query, String... values) {
        Message reply = reply(query, Rcode.NOERROR);
        Name name = query.getQuestion().getName();
        for (String value : values) {
            reply.addRecord(record(name, value), Section.ANSWER);
        }
        return reply;
    }

    /** A reply to {@code query} with {@code rcode} and no records. */
    public static byte[] rcode(Message query, int rcode) {
        return reply(query, rcode).toWire();
    }

    /** An empty NOERROR reply with the TC (truncated) flag. */
    public static byte[] truncated(Message query) {
        Message reply = reply(query, Rcode.NOERROR);
        reply.getHeader().setFlag(Flags.TC);
        return reply.toWire();
    }

    /** A reply that answers {@code query} but carries another ID. */
    public static byte[] withOtherId(Message query, String value) {
        Message reply = answerMessage(query, value);
        reply.getHeader().setID((query.getHeader().getID() + 1) & 0xffff);
        return reply.toWire();
    }

    private static Message reply(Message query, int rcode) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setRcode(rcode);
        reply.addRecord(query.getQuestion(), Section.QUESTION);
        return reply;
    }

    private static Record record(Name name, String value) {
        try {
            if (value.endsWith(".")) {
                return new PTRRecord(name, DClass.IN, 60, Name.fromString(value));
            }
            InetAddress address = InetAddress.getByName(value);
            return address.getAddress().length == 4
                    ? new ARecord(name, DClass.IN, 60, address)
                    : new AAAARecord(name, DClass.IN, 60, address);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Message parse(byte[] query) {
        try {
            return new Message(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
