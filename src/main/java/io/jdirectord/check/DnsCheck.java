package io.jdirectord.check;

import io.jdirectord.check.spec.DnsSpec;
import io.jdirectord.config.Protocol;
import io.jdirectord.net.AddressText;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * service=dns (ldirectord's check_dns): asks the real server at the check port for the request's A, AAAA
 * or PTR records ({@link DnsQuestion}) and is up when one answer record of type A, AAAA or PTR matches
 * the receive pattern: an address as text (IPv6 in RFC 5952 form) or a name without the final dot. An
 * empty receive is down without a query, as in ldirectord.
 *
 * <p>Transport: TCP when the virtual's protocol is tcp, else UDP (udp and fwm, as ldirectord). Over UDP
 * the query is sent again after 1 s, 2 s, 4 s, ... within the deadline, replies that do not answer it
 * (wrong ID or question) are passed over, and a truncated reply (TC) is asked again over TCP. Over TCP
 * a reply whose length prefix exceeds maxReceiveBytes is refused unread. The whole probe ends within
 * negotiatetimeout.
 */
public final class DnsCheck implements Check {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(4);

    private final InetSocketAddress target;
    private final boolean tcp;
    private final DnsQuestion question;
    private final ReceivePattern receive;
    private final int maxBytes;
    private final Duration timeout;

    /** @throws IllegalArgumentException for a request that is no domain name or a receive that is no regex */
    public DnsCheck(DnsSpec spec) {
        this.target = spec.probe().target();
        this.tcp = spec.protocol() == Protocol.TCP;
        this.question = DnsQuestion.of(spec.request(), spec.receive());
        this.receive = ReceivePattern.of(spec.receive());
        this.maxBytes = spec.probe().maxReceiveBytes();
        this.timeout = spec.probe().timeout();
    }

    @Override
    public CheckResult run(Deadline deadline) {
        if (receive.isEmpty()) {
            return CheckResult.down("DNS: no receive set; service=dns needs the expected address or name");
        }
        if (question.isEmpty()) {
            return CheckResult.down("DNS: no request set; service=dns needs the name or address to look up");
        }
        try {
            return judge(tcp ? overTcp(deadline) : overUdpThenTcp(deadline), deadline);
        } catch (ProbeException e) {
            return CheckResult.down(e.getMessage());
        }
    }

    private Message overUdpThenTcp(Deadline deadline) throws ProbeException {
        Message reply = overUdp(deadline);
        if (!reply.getHeader().getFlag(Flags.TC)) {
            return reply;
        }
        try {
            return overTcp(deadline);
        } catch (ProbeException e) {
            throw new ProbeException("DNS reply truncated over UDP, then over TCP: " + e.getMessage());
        }
    }

    private Message overUdp(Deadline deadline) throws ProbeException {
        Message query = question.query();
        try (DatagramExchange exchange = openUdp()) {
            try {
                return exchange.exchange(
                        query.toWire(),
                        FIRST_RETRY,
                        LONGEST_RETRY,
                        deadline,
                        datagram -> Optional.of(parse(datagram)).filter(reply -> DnsQuestion.answers(reply, query)));
            } catch (IOException e) {
                int ignored = exchange.ignored();
                throw new ProbeException(failure(e, deadline)
                        + (ignored == 0
                                ? ""
                                : " (" + ignored + (ignored == 1 ? " reply" : " replies")
                                        + " to another query ignored)"));
            }
        }
    }

    private DatagramExchange openUdp() throws ProbeException {
        try {
            return DatagramExchange.open(target, maxBytes);
        } catch (IOException e) {
            throw new ProbeException(Reasons.connectFailure(e, false, timeout));
        }
    }

    private Message overTcp(Deadline deadline) throws ProbeException {
        Message query = question.query();
        try (TcpSession session = TcpSession.open(target, deadline, timeout, maxBytes)) {
            try {
                send(session, query.toWire());
                Message reply = parse(receive(new DataInputStream(session.input())));
                if (!DnsQuestion.answers(reply, query)) {
                    throw new ProbeException("DNS: the reply over TCP does not answer the query (ID "
                            + reply.getHeader().getID() + ", expected "
                            + query.getHeader().getID() + ")");
                }
                return reply;
            } catch (IOException e) {
                throw new ProbeException(failure(e, deadline));
            }
        }
    }

    private static void send(TcpSession session, byte[] query) throws IOException {
        DataOutputStream out = new DataOutputStream(session.output());
        out.writeShort(query.length);
        out.write(query);
        out.flush();
    }

    /** One length-prefixed message; a length above the receive bound is refused before reading. */
    private byte[] receive(DataInputStream in) throws IOException, ProbeException {
        int length = in.readUnsignedShort();
        if (length + 2 > maxBytes) {
            throw new ProbeException("DNS: reply of " + ByteSize.describe(length) + " over TCP refused: more than "
                    + ByteSize.describe(maxBytes) + " (maxreceive)");
        }
        byte[] reply = in.readNBytes(length);
        if (reply.length < length) {
            throw new EOFException("reply cut short");
        }
        return reply;
    }

    private static Message parse(byte[] wire) throws ProbeException {
        try {
            return new Message(wire);
        } catch (IOException | RuntimeException e) {
            throw new ProbeException("DNS: malformed reply (" + Reasons.excerpt(CheckRunner.describe(e)) + ")");
        }
    }

    private String failure(IOException e, Deadline deadline) {
        return Reasons.exchangeFailure("DNS", e, deadline.expired(), timeout, "the answer");
    }

    private CheckResult judge(Message reply, Deadline deadline) throws ProbeException {
        if (reply.getRcode() != Rcode.NOERROR) {
            return CheckResult.down("DNS " + Rcode.string(reply.getRcode()) + " for " + question.shown());
        }
        List<String> seen = new ArrayList<>();
        for (Record record : reply.getSection(Section.ANSWER)) {
            Optional<String> text = answerText(record);
            if (text.isPresent() && receive.foundIn(text.get(), deadline)) {
                return CheckResult.up("DNS: " + question.shown() + " " + Type.string(record.getType()) + " "
                        + text.get() + " matched " + receive);
            }
            text.ifPresent(seen::add);
        }
        return CheckResult.down("DNS: no " + question.typeName() + " record for " + question.shown() + " matched "
                + receive + " (answer: " + (seen.isEmpty() ? "none" : Reasons.excerpt(String.join(", ", seen))) + ")");
    }

    /** The address of an A or AAAA record, the name of a PTR record; empty for other types. */
    private static Optional<String> answerText(Record record) {
        return switch (record) {
            case ARecord a -> Optional.of(AddressText.of(a.getAddress()));
            case AAAARecord aaaa -> Optional.of(AddressText.of(aaaa.getAddress()));
            case PTRRecord ptr -> Optional.of(ptr.getTarget().toString(true));
            default -> Optional.empty();
        };
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
