package io.jdirectord.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Directive handlers by name for one kind of draft.
 *
 * @param <D> the draft the directives fill in
 */
final class DirectiveTable<D> {

    /** Reads one directive into a draft, reporting what it cannot read. */
    @FunctionalInterface
    interface Handler<D> {
        void apply(Directive directive, D draft);
    }

    private final Map<String, Handler<D>> handlers = new HashMap<>();

    DirectiveTable<D> on(String name, Handler<D> handler) {
        handlers.put(name, handler);
        return this;
    }

    boolean knows(String name) {
        return handlers.containsKey(name);
    }

    /** Every directive name this table reads. */
    Set<String> names() {
        return Set.copyOf(handlers.keySet());
    }

    /** Applies the directive when its name is known; false otherwise. */
    boolean apply(Directive directive, D draft) {
        Handler<D> handler = handlers.get(directive.name());
        if (handler == null) {
            return false;
        }
        handler.apply(directive, draft);
        return true;
    }
}
