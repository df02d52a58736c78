package io.jdirectord.check;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A child process and its descendants, remembered from the moment they were seen so that grandchildren
 * that outlive (and so are no longer descendants of) the child can still be signalled.
 */
final class ProcessTree {

    private final ProcessHandle root;
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();

    ProcessTree(Process process) {
        this.root = process.toHandle();
    }

    /** SIGTERM to every descendant, then to the child. */
    void terminate() {
        look();
        seen.forEach(ProcessHandle::destroy);
        root.destroy();
    }

    /** SIGKILL to the child, then to every descendant seen now or before. */
    void kill() {
        look();
        root.destroyForcibly();
        seen.forEach(ProcessHandle::destroyForcibly);
    }

    private void look() {
        Stream<ProcessHandle> now = root.isAlive() ? root.descendants() : Stream.empty();
        now.forEach(seen::add);
    }
}
