package io.jdirectord.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves real lines into real servers: hosts and service names looked up, ranges {@code a->b} expanded
 * (compared as numbers, not as ldirectord's strings), a server listed twice kept once with a warning.
 */
final class RealExpander {

    /** Largest number of addresses one range may produce. */
    static final int MAX_RANGE = 65536;

    private final Resolution resolution;
    private final Diagnostics diagnostics;
    /** Real servers expanded so far in the file, over every virtual service. */
    private long total;

    RealExpander(Resolution resolution, Diagnostics diagnostics) {
        this.resolution = resolution;
        this.diagnostics = diagnostics;
    }

    /** The real servers, or empty when a line could not be resolved (the errors are reported). */
    Optional<List<RealServer>> expand(List<RealDraft> drafts) {
        List<RealServer> reals = new ArrayList<>();
        Map<Endpoint, Integer> seen = new HashMap<>();
        boolean failed = false;
        for (RealDraft draft : drafts) {
            Optional<List<RealServer>> expanded = expand(draft);
            failed |= expanded.isEmpty();
            for (RealServer real : expanded.orElse(List.of())) {
                Integer first = seen.putIfAbsent(real.endpoint(), real.line());
                if (first == null) {
                    reals.add(real);
                } else {
                    diagnostics.warn(
                            real.line(),
                            "real server " + real.endpoint() + " is already listed at line " + first
                                    + "; this entry is ignored");
                }
            }
        }
        return failed ? Optional.empty() : Optional.of(reals);
    }

    private Optional<List<RealServer>> expand(RealDraft d) {
        String keyword = "real";
        if (d.family() == Family.INET6 && d.last().isPresent()) {
            diagnostics.error(
                    d.line(),
                    "address ranges are not supported for IPv6: "
                            + Texts.quote(d.first() + "->" + d.last().get()));
            return Optional.empty();
        }
        Optional<InetAddress> first =
                resolution.address(d.line(), HostPort.host(d.first()), d.family(), keyword, "real server");
        Optional<InetAddress> last = d.last()
                .flatMap(text -> resolution.address(d.line(), HostPort.host(text), d.family(), keyword, "real server"));
        Optional<Integer> port = d.port().isEmpty()
                ? Optional.of(0)
                : resolution.port(d.line(), d.port().get(), Optional.empty(), "real server");
        if (first.isEmpty() || port.isEmpty() || d.last().isPresent() && last.isEmpty()) {
            return Optional.empty();
        }
        long count = last.isEmpty()
                ? 1
                : IpLiterals.toLong((Inet4Address) last.get()) - IpLiterals.toLong((Inet4Address) first.get()) + 1;
        if (!withinLimit(d, count)) {
            return Optional.empty();
        }
        List<InetAddress> addresses =
                last.isEmpty() ? List.of(first.get()) : range(d, (Inet4Address) first.get(), (Inet4Address) last.get());
        if (addresses.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(addresses.stream()
                .map(a -> new RealServer(
                        a,
                        port.get(),
                        d.forwarding(),
                        d.weight(),
                        d.lower(),
                        d.upper(),
                        d.request(),
                        d.receive(),
                        d.line()))
                .toList());
    }

    /** Counts {@code count} more real servers (before expanding them); false, reported once, beyond the limit. */
    private boolean withinLimit(RealDraft d, long count) {
        if (total > Limits.MAX_REAL_SERVERS) {
            return false;
        }
        if (count > MAX_RANGE) {
            return true; // the range itself is refused
        }
        total += Math.max(count, 0);
        if (total > Limits.MAX_REAL_SERVERS) {
            diagnostics.error(
                    d.line(),
                    "more than " + Limits.MAX_REAL_SERVERS + " real servers in the file (ranges"
                            + " counted as expanded); this line brings them to " + total);
            return false;
        }
        return true;
    }

    private List<InetAddress> range(RealDraft d, Inet4Address first, Inet4Address last) {
        long from = IpLiterals.toLong(first);
        long to = IpLiterals.toLong(last);
        String shown = first.getHostAddress() + "->" + last.getHostAddress();
        if (from > to) {
            diagnostics.error(d.line(), "invalid range " + shown + ": the first address is greater than the last");
            return List.of();
        }
        if (to - from + 1 > MAX_RANGE) {
            diagnostics.error(
                    d.line(), "range " + shown + " has " + (to - from + 1) + " addresses (at most " + MAX_RANGE + ")");
            return List.of();
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            addresses.add(IpLiterals.fromLong(n));
        }
        return addresses;
    }
}
