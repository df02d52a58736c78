package io.jdirectord.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the process needs for ICMP sockets and how to tell an operator that it lacks it. */
public final class IcmpPrivileges {

    private static final Path PING_GROUP_RANGE = Path.of("/proc/sys/net/ipv4/ping_group_range");
    private static final Path STATUS = Path.of("/proc/self/status");

    private IcmpPrivileges() {}

    /**
     * Whether ping checks can run here.
     *
     * @param kind        the socket kind an IPv4 probe would get; empty when none
     * @param description how pings are sent, or what is missing: "ICMP ping needs CAP_NET_RAW or ..."
     */
    public record Availability(Optional<IcmpSocket.Kind> kind, String description) {
        public boolean available() {
            return kind.isPresent();
        }
    }

    static Availability available(IcmpSocket.Kind kind) {
        String how = kind == IcmpSocket.Kind.RAW
                ? "raw ICMP sockets (CAP_NET_RAW)"
                : "ping sockets (net.ipv4.ping_group_range " + pingGroupRange() + ")";
        return new Availability(Optional.of(kind), how);
    }

    static Availability unavailable(String why) {
        return new Availability(Optional.empty(), why);
    }

    /** "ICMP ping needs CAP_NET_RAW or net.ipv4.ping_group_range including gid 1000 (now "1 0")". */
    static String missing() {
        return "ICMP ping needs CAP_NET_RAW or net.ipv4.ping_group_range including gid " + effectiveGid() + " (now \""
                + pingGroupRange() + "\")";
    }

    /** The range as "low high". Read by lines: Files.readString returns only "low" for this proc file. */
    private static String pingGroupRange() {
        try {
            return String.join(
                    " ",
                    String.join(" ", Files.readAllLines(PING_GROUP_RANGE))
                            .trim()
                            .split("\\s+"));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** The effective gid: the second number of the "Gid:" line of /proc/self/status. */
    private static String effectiveGid() {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith("Gid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return ids.length > 1 ? ids[1] : ids[0];
                }
            }
        } catch (IOException e) {
            return "of this process";
        }
        return "of this process";
    }
}
