package io.jdirectord.config;

import java.util.Optional;

/**
 * A {@code fallback=} / {@code fallback6=} value before resolution.
 *
 * @param line       1-based line of the directive
 * @param family     INET for fallback, INET6 for fallback6
 * @param host       host name or address as written (IPv6 in brackets)
 * @param port       port number or service name as written; empty = the virtual's port
 * @param forwarding gate unless given
 */
record FallbackDraft(int line, Family family, String host, Optional<String> port, Forwarding forwarding) {}
