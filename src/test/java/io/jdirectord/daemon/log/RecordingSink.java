package io.jdirectord.daemon.log;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link EventSink} that keeps the lines written to it, for tests. Thread-safe. */
public final class RecordingSink implements EventSink {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void write(String line) {
        lines.add(line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines without their timestamp: {@code down virtual=... real=...}. */
    public List<String> events() {
        return lines.stream().map(line -> line.substring(line.indexOf(' ') + 1)).toList();
    }
}
