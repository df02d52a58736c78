package io.jdirectord.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies ldirectord's lexical rules (as in its read_config) to the lines of a file and yields the statements. Where
 * ldirectord rejects something harmless the lexer accepts it with a warning: a blank line inside a virtual
 * block that is followed by more indented lines, a line of only blanks inside a block, indentation of 1 to 3
 * spaces, a global directive with leading blanks, a comment after a value that ldirectord would read into
 * the value, a {@code #} inside a quoted value.
 */
final class ConfigLexer {

    /** Indentation ldirectord requires for a line to belong to a virtual block; a TAB counts as 4. */
    private static final int LDIRECTORD_INDENT = 4;

    private final Diagnostics diagnostics;
    private boolean inBlock;
    private int blankInBlock;

    ConfigLexer(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    List<Statement> statements(List<String> lines) {
        List<Statement> statements = new ArrayList<>();
        inBlock = false;
        blankInBlock = 0;
        for (int i = 0; i < lines.size(); i++) {
            statement(i + 1, lines.get(i)).ifPresent(statements::add);
        }
        return statements;
    }

    private Optional<Statement> statement(int number, String raw) {
        String line = raw.stripTrailing();
        int indent = indentation(line);
        String content = line.substring(indent);
        if (content.isEmpty()) {
            blankLine(number, raw);
            return Optional.empty();
        }
        if (content.startsWith("#")) {
            return Optional.empty();
        }
        Statement statement = indent > 0 && inBlock
                ? blockStatement(number, line.substring(0, indent), content)
                : globalStatement(number, indent, content);
        blankInBlock = 0;
        return statement.text().isEmpty() ? Optional.empty() : Optional.of(statement);
    }

    /**
     * A line of nothing but blanks. Inside a block ldirectord expands each TAB to 4 spaces and takes a line of 4
     * spaces and at least one more character as a block line: more than 4 columns of blanks are then an unknown
     * command; fewer end the block, and the indented lines after it become unknown global commands.
     */
    private void blankLine(int number, String raw) {
        if (!inBlock || blankInBlock > 0) {
            return;
        }
        String expanded = raw.replace("\t", " ".repeat(LDIRECTORD_INDENT));
        if (expanded.length() > LDIRECTORD_INDENT && expanded.startsWith(" ".repeat(LDIRECTORD_INDENT))) {
            diagnostics.warn(
                    number,
                    "line of only blanks inside a virtual block; ignored (ldirectord rejects the"
                            + " file here: after the indentation it reads the remaining blanks as an Unknown command)");
        } else {
            blankInBlock = number;
        }
    }

    private Statement blockStatement(int number, String indentText, String content) {
        if (blankInBlock > 0) {
            diagnostics.warn(
                    blankInBlock,
                    "blank line inside a virtual block; the block goes on with the indented"
                            + " lines below (ldirectord ends the block here and then rejects the file: the next indented"
                            + " line is an Unknown command outside a block)");
        }
        int width =
                indentText.chars().map(c -> c == '\t' ? LDIRECTORD_INDENT : 1).sum();
        if (width < LDIRECTORD_INDENT) {
            diagnostics.warn(
                    number,
                    "indented by " + width + " space(s); accepted as part of the virtual block"
                            + " (ldirectord needs at least 4 spaces or a tab and would end the block here)");
        }
        CommentScanner.Result scan = CommentScanner.scan(content, false);
        if (scan.hashInQuotes()) {
            diagnostics.warn(
                    number,
                    "\"#\" inside quotes kept as part of the value" + " (ldirectord cuts the line at the first \"#\")");
        }
        String text = scan.hasComment() ? content.substring(0, scan.commentStart()) : content;
        if (scan.hasComment()
                && !text.equals(text.stripTrailing())
                && TrailingComments.misreadInBlock(text.stripTrailing())) {
            String value = text.substring(text.indexOf('=') + 1).stripLeading();
            diagnostics.warn(
                    number,
                    "blanks before the comment removed from the value (ldirectord cuts the line at"
                            + " \"#\" but keeps them: it reads " + Texts.quote(value) + " and rejects or misreads it)");
        }
        return new Statement(number, true, text.stripTrailing());
    }

    private Statement globalStatement(int number, int indent, String content) {
        if (indent > 0) {
            diagnostics.warn(
                    number,
                    "leading blanks before a global directive; accepted"
                            + " (ldirectord rejects it: only lines of a virtual block are indented)");
        }
        boolean opensBlock = Directive.nameOf(content).matches("virtual6?");
        CommentScanner.Result scan = CommentScanner.scan(content, true);
        String text = content;
        if (scan.hasComment()) {
            text = content.substring(0, scan.commentStart()).stripTrailing();
            if (TrailingComments.misreadOnGlobalLine(text, content.substring(scan.commentStart()))) {
                diagnostics.warn(
                        number,
                        "comment after the value removed: "
                                + Texts.quote(content.substring(scan.commentStart()))
                                + " (ldirectord reads it as part of the value)");
            }
        }
        inBlock = opensBlock;
        return new Statement(number, false, text);
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
