package io.jdirectord.config;

import java.util.Set;

/**
 * Whether ldirectord reads a value differently when a comment follows it (ldirectord 4.12, read_config and the
 * regular expressions of its global directives). On a global
 * line ldirectord keeps the comment, but several directives' regular expressions stop before it; in a block
 * ldirectord cuts the line at {@code #} and keeps the blanks before it, which only some directives mind.
 */
final class TrailingComments {

    /** Global directives read with {@code (\d+)} anywhere in the value: the first number wins. */
    private static final Set<String> FIRST_NUMBER =
            Set.of("checktimeout", "negotiatetimeout", "checkinterval", "checkcount", "failurecount");
    /** Global directives read as {@code "(.*)"}: the value ends at the last quote of the line. */
    private static final Set<String> TO_LAST_QUOTE = Set.of("callback", "logfile");
    /**
     * Global directives that take the rest of the line, comment included. Not here: emailalertfreq ({@code (\d*)})
     * and smtp (host name characters only) stop before the blank; virtual lines ignore what follows the port.
     */
    private static final Set<String> WHOLE_LINE = Set.of(
            "autoreload",
            "fork",
            "supervised",
            "quiescent",
            "readdquiescent",
            "cleanstop",
            "fallback",
            "fallback6",
            "fallbackcommand",
            "execute",
            "emailalert",
            "emailalertstatus",
            "emailalertfrom",
            "maintenancedir");
    /** Block directives compared exactly, or kept verbatim, so that a trailing blank changes them. */
    private static final Set<String> BLANK_SENSITIVE =
            Set.of("quiescent", "cleanstop", "ops", "netmask", "emailalert", "emailalertstatus");
    /** Block directives whose unquoted value keeps a trailing blank (a program path, a file, a host name). */
    private static final Set<String> BLANK_SENSITIVE_UNQUOTED = Set.of("checkcommand", "monitorfile", "virtualhost");

    private TrailingComments() {}

    /**
     * @param statement the global statement before the comment, trailing blanks removed
     * @param comment   the comment, from its {@code #}
     * @return whether ldirectord reads a different value than the one before the comment (or rejects it)
     */
    static boolean misreadOnGlobalLine(String statement, String comment) {
        String name = Directive.nameOf(statement);
        if (FIRST_NUMBER.contains(name)) {
            return valueOf(statement).chars().noneMatch(Character::isDigit);
        }
        if (TO_LAST_QUOTE.contains(name)) {
            return comment.indexOf('"') >= 0;
        }
        return WHOLE_LINE.contains(name);
    }

    /**
     * @param statement the block statement before the comment, trailing blanks removed; ldirectord reads it with
     *                  the blanks that stood before the {@code #}
     * @return whether those blanks make ldirectord reject or misread the value
     */
    static boolean misreadInBlock(String statement) {
        String name = Directive.nameOf(statement);
        return BLANK_SENSITIVE.contains(name)
                || BLANK_SENSITIVE_UNQUOTED.contains(name)
                        && !valueOf(statement).startsWith("\"");
    }

    private static String valueOf(String statement) {
        int equals = statement.indexOf('=');
        return equals < 0 ? "" : statement.substring(equals + 1).strip();
    }
}
