package io.jdirectord.daemon.log;

/** Where rendered failure-log lines go. Implementations never throw: a failed write is reported on stderr. */
public interface EventSink extends AutoCloseable {

    /** Writes one line (without its newline). Safe to call from many threads. */
    void write(String line);

    @Override
    default void close() {
    }
}
