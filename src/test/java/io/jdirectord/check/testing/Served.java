package io.jdirectord.check.testing;

import java.util.List;
import java.util.function.Supplier;

/**
 * A fake server over UDP or TCP behind one handle, for checks that speak both (dns, sip): its port, the
 * requests it received as text, and closing it.
 */
public record Served(Runnable stop, int port, Supplier<List<String>> requests) implements AutoCloseable {

    public static Served udp(UdpResponder udp) {
        return new Served(udp::close, udp.port(), udp::received);
    }

    public static Served tcp(ScriptedServer tcp) {
        return new Served(tcp::close, tcp.port(), tcp::received);
    }

    @Override
    public void close() {
        stop.run();
    }
}
