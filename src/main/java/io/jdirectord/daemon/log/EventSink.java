package io.jdirectord.daemon.log;

/** Where rendered failure-log lines go. Implementations never throw: a failed write is reported on stderr. */
public interface EventSink extends AutoCloseable {

    /** Writes one line (without its newline). Safe to call from many threads. */
    void write(String line);

    /** Writes one event; sinks that keep the fields apart (the journal) override this, the others write its line. */
    default void write(LogEvent event) {
        write(event.render());
    }

    @Override
    default void close() {}
}
