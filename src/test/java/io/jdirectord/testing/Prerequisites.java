package io.jdirectord.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a daemon, a tool, root, a kernel feature). Missing, it skips the
 * test with the reason, except where every test must run: in CI (environment {@code CI=true}) and in the
 * kernel tests' guest (system property {@code jdirectord.prerequisites=required}, set by
 * src/test/vm/run-kernel-tests). There it fails the test, so a green run never hides a skipped suite.
 */
public final class Prerequisites {

    private Prerequisites() {}

    /** Skips (or, where every test must run, fails) the calling test unless {@code met}. */
    public static void require(boolean met, String what) {
        require(met, () -> what);
    }

    /** As {@link #require(boolean, String)}, the reason computed only when needed. */
    public static void require(boolean met, Supplier<String> what) {
        if (met) {
            return;
        }
        if (mandatory()) {
            throw new AssertionError("prerequisite missing where every test must run: " + what.get());
        }
        Assumptions.abort(what.get());
    }

    /** Whether a missing prerequisite fails instead of skipping. */
    public static boolean mandatory() {
        return "true".equals(System.getenv("CI")) || "required".equals(System.getProperty("jdirectord.prerequisites"));
    }
}
