package io.jdirectord.config;

import java.util.Optional;

/**
 * A {@code real=} / {@code real6=} line before resolution.
 *
 * @param line       1-based line
 * @param family     INET for real, INET6 for real6
 * @param first      host or address (IPv6 in brackets)
 * @param last       end of an address range {@code first->last}
 * @param port       port number or service name as written; empty = 0
 * @param forwarding gate, masq or ipip
 * @param weight     0..65535
 * @param request    per-real request, leading "/" added
 * @param receive    per-real receive
 * @param lower      lower connection threshold (l:N), 0 = none
 * @param upper      upper connection threshold (u:N), 0 = none
 */
record RealDraft(
        int line,
        Family family,
        String first,
        Optional<String> last,
        Optional<String> port,
        Forwarding forwarding,
        int weight,
        Optional<String> request,
        Optional<String> receive,
        int lower,
        int upper) {}
