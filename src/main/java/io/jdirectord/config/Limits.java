package io.jdirectord.config;

import java.util.List;

/**
 * The largest configuration jdirectord accepts: every configuration within these bounds runs in the
 * packaged heap ({@code -Xmx80m}, etc/default/jdirectord; ConfigLimitsIT). Each bound is checked before what it counts is
 * built, so a file far beyond one costs no more memory than a file at it.
 */
final class Limits {

    /** Largest configuration file, in bytes. */
    static final long MAX_FILE_BYTES = 1024 * 1024;
    /** Most virtual services (virtual= and virtual6= blocks) in one file. */
    static final int MAX_VIRTUAL_SERVICES = 5_000;
    /** Most real servers in one file, over all virtual services, with ranges counted as expanded. */
    static final int MAX_REAL_SERVERS = 10_000;

    private Limits() {}

    /** Whether the statements open at most {@link #MAX_VIRTUAL_SERVICES} blocks; reports the first one beyond. */
    static boolean virtualServices(List<Statement> statements, Diagnostics diagnostics) {
        int count = 0;
        for (Statement statement : statements) {
            String name = statement.inBlock() ? "" : Directive.nameOf(statement.text());
            if ((name.equals("virtual") || name.equals("virtual6")) && ++count > MAX_VIRTUAL_SERVICES) {
                diagnostics.error(
                        statement.line(),
                        "more than " + MAX_VIRTUAL_SERVICES + " virtual services in the"
                                + " file; the file is not read further");
                return false;
            }
        }
        return true;
    }
}
