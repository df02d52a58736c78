package io.jdirectord.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived HTTP keep-alive connection from a network namespace of the guest, held open by
 * src/test/vm/held-connection: each {@link #exchange} sends a request over that same TCP connection and
 * returns {@code ok BODY}, or {@code broken REASON} once the connection is gone; {@link #finish} closes it
 * in order or aborts it.
 */
final class HeldConnection implements AutoCloseable {

    private static final Path SCRIPT = Path.of("src/test/vm/held-connection");
    private final Process process;
    private final OutputStream requests;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private int localPort;

    private HeldConnection(Process process) {
        this.process = process;
        this.requests = process.getOutputStream();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(answers::add);
            } catch (IOException | UncheckedIOException e) {
                answers.add("broken " + e.getMessage());
            }
            answers.add("broken the client exited");
        });
    }

    /** Connects from {@code namespace} to {@code host} port 80; fails unless the connection is made within {@code limit}. */
    static HeldConnection open(String namespace, String host, Duration limit) throws IOException {
        Process process = new ProcessBuilder(List.of(
                        "ip",
                        "netns",
                        "exec",
                        namespace,
                        "/usr/bin/python3",
                        SCRIPT.toAbsolutePath().toString(),
                        host))
                .redirectErrorStream(true)
                .start();
        HeldConnection connection = new HeldConnection(process);
        String first = connection.next(limit);
        if (!first.startsWith("connected ")) {
            connection.close();
            throw new AssertionError("held connection to " + host + ": " + first);
        }
        connection.localPort = Integer.parseInt(first.substring("connected ".length()));
        return connection;
    }

    /** The client's port of the connection. */
    int localPort() {
        return localPort;
    }

    /** Sends one request over the held connection; {@code ok BODY} or {@code broken REASON}. */
    String exchange(Duration limit) throws IOException {
        requests.write('\n');
        requests.flush();
        return next(limit);
    }

    /**
     * Ends the connection: {@code "close"} closes it in order (FIN) and answers {@code closed}; {@code "reset"}
     * aborts it (RST) and answers {@code reset}.
     */
    String finish(String how, Duration limit) throws IOException {
        requests.write((how + "\n").getBytes(StandardCharsets.US_ASCII));
        requests.flush();
        return next(limit);
    }

    private String next(Duration limit) {
        try {
            String answer = answers.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
            return answer == null ? "broken no answer within " + limit.toMillis() + " ms" : answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
