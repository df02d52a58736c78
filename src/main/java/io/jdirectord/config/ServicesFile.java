package io.jdirectord.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The service table of /etc/services ({@code name port/protocol [aliases] [# comment]}) with getservbyname's
 * lookup rules. {@link #builtIn()} is the small table used when the file is absent.
 */
final class ServicesFile {

    private record Entry(List<String> names, int port, String protocol) {}

    private static final String BUILT_IN = """
            ftp 21/tcp
            ssh 22/tcp
            smtp 25/tcp
            domain 53/tcp
            domain 53/udp
            http 80/tcp www
            pop3 110/tcp pop-3
            nntp 119/tcp readnews untp
            imap2 143/tcp imap
            ldap 389/tcp
            ldap 389/udp
            https 443/tcp
            submission 587/tcp
            ldaps 636/tcp
            imaps 993/tcp
            pop3s 995/tcp
            mysql 3306/tcp
            postgresql 5432/tcp postgres
            sip 5060/tcp
            sip 5060/udp
            """;

    private final List<Entry> entries;

    private ServicesFile(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Parses the text of a services file; malformed lines are skipped, as the C library does. */
    static ServicesFile parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String[] fields =
                    (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (fields.length < 2) {
                continue;
            }
            String[] portProto = fields[1].split("/");
            if (portProto.length != 2 || !portProto[0].matches("\\d{1,5}")) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of(fields));
            names.remove(1);
            entries.add(new Entry(names, Integer.parseInt(portProto[0]), portProto[1].toLowerCase(Locale.ROOT)));
        }
        return new ServicesFile(entries);
    }

    static ServicesFile builtIn() {
        return parse(BUILT_IN);
    }

    OptionalInt port(String name, Optional<Protocol> protocol) {
        Optional<String> wanted = protocol.map(Protocol::ldName);
        for (Entry entry : entries) {
            if (entry.names().contains(name)
                    && wanted.map(entry.protocol()::equals).orElse(true)) {
                return OptionalInt.of(entry.port());
            }
        }
        return OptionalInt.empty();
    }
}
