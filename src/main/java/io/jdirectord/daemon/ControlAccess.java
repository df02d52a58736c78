package io.jdirectord.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may change the running daemon through its control socket: root, the user who owns the socket (the
 * daemon's user), and the socket's group (the service's group), as the client's own group or as a member
 * listed in /etc/group. Anyone who can connect may read the status.
 *
 * @param owner   the socket's owner
 * @param group   the socket's group
 * @param members the users /etc/group lists in {@code group}, read at each check (membership may change)
 */
record ControlAccess(String owner, String group, Supplier<Set<String>> members) {

    /** A client as {@code SO_PEERCRED} names it: its user and its (primary) group. */
    record Peer(String user, String group) {

        /** {@code user alice (group staff)}, for the log. */
        @Override
        public String toString() {
            return "user " + user + " (group " + group + ")";
        }
    }

    /** The access of a socket file, from its owner and group. */
    static ControlAccess of(Path socket) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(socket, PosixFileAttributes.class);
        String group = attributes.group().getName();
        return new ControlAccess(attributes.owner().getName(), group, () -> groupMembers(Path.of("/etc/group"), group));
    }

    boolean mayChange(Peer peer) {
        return peer.user().equals("root")
                || peer.user().equals(owner)
                || peer.group().equals(group)
                || members.get().contains(peer.user());
    }

    /** Why {@code peer} may not change anything, for the operator. */
    String refusal(Peer peer) {
        return "permission denied: " + peer + " may read the status only; changes are for root, " + owner
                + " and the group " + group;
    }

    /** The members /etc/group lists for {@code group}; none when the file cannot be read. */
    static Set<String> groupMembers(Path groupFile, String group) {
        try (var lines = Files.lines(groupFile)) {
            return lines.map(line -> line.split(":", -1))
                    .filter(fields -> fields.length >= 4 && fields[0].equals(group))
                    .flatMap(fields -> Arrays.stream(fields[3].split(",")))
                    .filter(name -> !name.isEmpty())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (IOException | java.io.UncheckedIOException e) {
            return Set.of();
        }
    }
}
