package io.jdirectord.daemon.log;

import java.io.PrintStream;

/** Writes lines to a stream: standard error with -d, or standard output under a supervisor. */
public final class StreamEventSink implements EventSink {

    private final PrintStream stream;

    public StreamEventSink(PrintStream stream) {
        this.stream = stream;
    }

    @Override
    public void write(String line) {
        stream.println(line);
    }
}
