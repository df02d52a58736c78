package io.jdirectord.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads statements into drafts: global directives into the {@link GlobalDraft}, each {@code virtual=} line and
 * the block below it into a {@link VirtualDraft}. Unknown directives are reported with a hint where one helps;
 * a value with typographic quotes where plain ones belong is an error ({@link TypographicQuotes}).
 */
final class DraftBuilder {

    private final Diagnostics diagnostics;
    private final DirectiveTable<GlobalDraft> global;
    private final DirectiveTable<SharedDraft> shared;
    private final List<DirectiveTable<VirtualDraft>> block;

    DraftBuilder(Values values, Resolution resolution) {
        this.diagnostics = values.diagnostics();
        this.global = new GlobalDirectives(values, resolution).table();
        this.shared = SharedDirectives.table(values);
        this.block = List.of(
                new CheckDirectives(values, resolution.resolver().hostName()).table(),
                new ServiceDirectives(values).table());
    }

    GlobalDraft build(List<Statement> statements) {
        GlobalDraft draft = new GlobalDraft();
        VirtualDraft current = null;
        for (Statement statement : statements) {
            Optional<Directive> directive = Directive.parse(statement);
            if (directive.isEmpty()) {
                unknown(statement.line(), statement.text(), Directive.nameOf(statement.text()), statement.inBlock());
                current = statement.inBlock() ? current : scratch(statement);
            } else if (TypographicQuotes.reject(directive.get(), diagnostics)) {
                current = statement.inBlock() ? current : null;
            } else if (statement.inBlock()) {
                inBlock(directive.get(), current);
            } else {
                current = global(directive.get(), draft);
            }
        }
        return draft;
    }

    /** A draft that collects the block below a malformed virtual line, so its lines are still checked. */
    private static VirtualDraft scratch(Statement statement) {
        Family family = Directive.nameOf(statement.text()).equals("virtual6") ? Family.INET6 : Family.INET;
        return new VirtualDraft(statement.line(), family, "");
    }

    /** A global statement; returns the draft of the virtual block it opens, if it is a virtual line. */
    private VirtualDraft global(Directive d, GlobalDraft draft) {
        if (d.name().equals("virtual") || d.name().equals("virtual6")) {
            VirtualDraft virtual =
                    new VirtualDraft(d.line(), d.name().equals("virtual6") ? Family.INET6 : Family.INET, d.value());
            draft.virtuals.add(virtual);
            return virtual;
        }
        boolean known = global.knows(d.name()) || shared.knows(d.name());
        if (known && needsValue(d) || global.apply(d, draft) || shared.apply(d, draft.shared)) {
            return null;
        }
        unknown(d.line(), d.text(), d.name(), false);
        return null;
    }

    private void inBlock(Directive d, VirtualDraft virtual) {
        boolean known = shared.knows(d.name()) || block.stream().anyMatch(t -> t.knows(d.name()));
        if (known && needsValue(d)) {
            return;
        }
        boolean applied = shared.apply(d, virtual.shared) || block.stream().anyMatch(t -> t.apply(d, virtual));
        if (applied) {
            virtual.lines.put(d.name(), d.line());
        } else {
            unknown(d.line(), d.text(), d.name(), true);
        }
    }

    /** A known directive written as a bare name is an error; only supervised may be bare. */
    private boolean needsValue(Directive d) {
        if (!d.bare() || d.name().equals("supervised")) {
            return false;
        }
        diagnostics.error(d.line(), d.name() + " needs a value: " + d.name() + " = ...");
        return true;
    }

    /** Every directive name the global section accepts, virtual and virtual6 included. */
    Set<String> globalNames() {
        Set<String> names = new TreeSet<>(List.of("virtual", "virtual6"));
        names.addAll(global.names());
        names.addAll(shared.names());
        return names;
    }

    /** Every directive name a virtual block accepts. */
    Set<String> blockNames() {
        Set<String> names = new TreeSet<>(shared.names());
        block.forEach(table -> names.addAll(table.names()));
        return names;
    }

    private boolean isKnown(String name) {
        return global.knows(name) || shared.knows(name) || block.stream().anyMatch(t -> t.knows(name));
    }

    private void unknown(int line, String text, String name, boolean inBlock) {
        diagnostics.error(line, "Unknown directive " + Texts.quote(text) + hint(name, inBlock));
    }

    private String hint(String name, boolean inBlock) {
        boolean blockOnly = block.stream().anyMatch(t -> t.knows(name));
        if (name.matches("virtual6?")) {
            return inBlock ? " (" + name + "= must start at the beginning of a line)" : "";
        }
        if (!inBlock && blockOnly) {
            return " (" + name + " is only valid inside a virtual block)";
        }
        if (inBlock && global.knows(name)) {
            return " (" + name + " is only valid in the global section)";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(name) && (isKnown(lower) || lower.matches("virtual6?"))) {
            return " (directive names are lower case)";
        }
        return NearestName.of(lower, inBlock ? blockNames() : globalNames())
                .map(nearest -> " (did you mean " + Texts.quote(nearest) + "?)")
                .orElse("");
    }
}
