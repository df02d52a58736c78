package io.jdirectord.config;

import java.util.Optional;

/**
 * The value of a {@code virtual=} / {@code virtual6=} line as ldirectord reads it: {@code IP:PORT}, {@code HOST:PORT},
 * {@code [IPV6]:PORT} or a firewall mark, resolved into a {@link VirtualServiceKey} once the block's protocol
 * is known. {@code virtual=1.2.3.4} (port forgotten) is firewall mark 1, as in ldirectord, with a warning.
 */
final class VirtualAddress {

    private final Resolution resolution;
    private final Diagnostics diagnostics;

    VirtualAddress(Resolution resolution, Diagnostics diagnostics) {
        this.resolution = resolution;
        this.diagnostics = diagnostics;
    }

    /** Whether the value names a firewall mark (so the default protocol is fwm). */
    static boolean isMark(String value) {
        return IpLiterals.looksNumeric(value) && Character.isDigit(value.charAt(0));
    }

    /** The default protocol of a block without {@code protocol=}: fwm, udp for port 53/domain, else tcp. */
    static Protocol defaultProtocol(String value) {
        if (isMark(value)) {
            return Protocol.FWM;
        }
        return value.endsWith(":53") || value.endsWith(":domain") ? Protocol.UDP : Protocol.TCP;
    }

    Optional<VirtualServiceKey> key(VirtualDraft v, Protocol protocol) {
        String keyword = v.family == Family.INET6 ? "virtual6" : "virtual";
        if (isMark(v.address)) {
            return mark(v, keyword, protocol);
        }
        Optional<HostPort> hostPort = HostPort.split(v.address)
                .filter(h -> !h.host().isEmpty() && h.port().isPresent());
        if (hostPort.isEmpty()) {
            return diagnostics.reject(
                    v.line,
                    keyword + " must be IP:PORT, HOST:PORT, [IPV6]:PORT or a firewall mark, not "
                            + Texts.quote(v.address));
        }
        if (protocol == Protocol.FWM) {
            return diagnostics.reject(
                    v.lineOf("protocol"),
                    "protocol=fwm is only for firewall-mark virtual services, not " + Texts.cut(v.address));
        }
        HostPort h = hostPort.get();
        var address = resolution.address(v.line, h, v.family, "virtual", "virtual service");
        var port = resolution.port(v.line, h.port().get(), Optional.of(protocol), "virtual service");
        if (address.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(VirtualServiceKey.ofAddress(protocol, address.get(), port.get()));
    }

    private Optional<VirtualServiceKey> mark(VirtualDraft v, String keyword, Protocol protocol) {
        boolean dotted = v.address.contains(".");
        String digits = dotted ? v.address.substring(0, v.address.indexOf('.')) : v.address;
        if (digits.length() > 10 || Long.parseLong(digits) < 1 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            return diagnostics.reject(
                    v.line, "firewall mark must be from 1 to " + Integer.MAX_VALUE + ", not " + Texts.quote(v.address));
        }
        if (dotted) {
            diagnostics.warn(
                    v.line,
                    keyword + "=" + Texts.cut(v.address) + " read as firewall mark " + digits
                            + ", as ldirectord does; a port was probably forgotten (" + keyword + "="
                            + Texts.cut(v.address)
                            + ":PORT)");
        }
        if (protocol != Protocol.FWM) {
            return diagnostics.reject(
                    v.lineOf("protocol"),
                    "protocol=" + protocol.ldName() + " cannot be used with firewall mark " + digits
                            + " (leave protocol out or write protocol=fwm)");
        }
        return Optional.of(VirtualServiceKey.ofMark(v.family, Integer.parseInt(digits)));
    }
}
