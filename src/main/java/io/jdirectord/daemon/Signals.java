package io.jdirectord.daemon;

import io.jdirectord.os.ProcessSignals;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGHUP into a reload request and SIGTERM/SIGINT into a stop request, queued for the
 * daemon's control loop (signal handlers only enqueue). The JVM's own shutdown on those signals is
 * replaced, so the daemon decides when to exit.
 */
final class Signals {

    /** What a signal asks for. */
    enum Request {
        RELOAD,
        STOP
    }

    /** The request with the signal that made it. */
    record Received(Request request, String signal) {}

    private final LinkedBlockingQueue<Received> queue = new LinkedBlockingQueue<>();

    void install() {
        ProcessSignals.handle("HUP", () -> queue.add(new Received(Request.RELOAD, "HUP")));
        for (String name : new String[] {"TERM", "INT"}) {
            ProcessSignals.handle(name, () -> queue.add(new Received(Request.STOP, name)));
        }
    }

    /** The next request, waiting at most {@code millis}; null when none came. */
    Received next(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }
}
