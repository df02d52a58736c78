package io.jdirectord.config;

import java.util.Optional;

/** Reads {@code fallback = HOST[:PORT] [gate|masq|ipip]} and {@code fallback6 = [IPV6][:PORT] [...]}. */
final class FallbackParser {

    private final Values values;

    FallbackParser(Values values) {
        this.values = values;
    }

    Optional<FallbackDraft> parse(Directive d) {
        Family family = d.name().endsWith("6") ? Family.INET6 : Family.INET;
        String[] words = d.value().split("\\s+");
        if (d.value().isEmpty() || words.length > 2) {
            return values.fail(d, d.name() + " must be HOST[:PORT] [gate|masq|ipip], not " + Texts.quote(d.value()));
        }
        Optional<HostPort> hostPort =
                HostPort.split(words[0]).filter(h -> !h.host().isEmpty());
        if (hostPort.isEmpty()) {
            return values.fail(d, d.name() + " needs an address: " + d.quoted());
        }
        Forwarding forwarding = Forwarding.GATE;
        if (words.length == 2) {
            Optional<Forwarding> named = Forwarding.byLdName(words[1]);
            if (named.isEmpty()) {
                return values.fail(d, "forwarding method must be gate, masq or ipip, not " + Texts.quote(words[1]));
            }
            forwarding = named.get();
        }
        HostPort h = hostPort.get();
        return Optional.of(new FallbackDraft(d.line(), family, h.written(), h.port(), forwarding));
    }
}
