package io.jdirectord.config;

import java.nio.file.Path;

/** Paths from configuration text. */
final class Paths {

    private Paths() {}

    /** The path named by the text; a NUL (which no path can contain) is shown as '?' so the path does not exist. */
    static Path of(String text) {
        return Path.of(text.replace('\0', '?'));
    }
}
