package io.jdirectord.daemon;

import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.daemon.log.FailureLog;
import io.jdirectord.decision.FallbackCommand;
import io.jdirectord.engine.FallbackCommandRunner;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs fallbackcommands through the shell on virtual threads and logs each one's exit status
 * ({@code fallback-command}). The commands of one virtual service run one after the other, in the
 * order asked, so a slow {@code start} is never overtaken by the {@code stop} that follows it.
 */
final class ShellFallbackCommands implements FallbackCommandRunner {

    private final ExternalCommand commands;
    private final FailureLog log;
    private final Map<VirtualServiceKey, CompletableFuture<Void>> queues = new ConcurrentHashMap<>();

    ShellFallbackCommands(ExternalCommand commands, FailureLog log) {
        this.commands = commands;
        this.log = log;
    }

    @Override
    public void run(FallbackCommand command) {
        queues.compute(
                command.virtual(),
                (virtual, previous) -> (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                        .thenRunAsync(
                                () -> runNow(command),
                                task -> Thread.ofVirtual()
                                        .name("fallbackcommand")
                                        .start(task)));
    }

    private void runNow(FallbackCommand command) {
        try {
            int status = commands.runShell(command.commandLine());
            log.event(
                    "fallback-command",
                    "virtual",
                    command.virtual().id(),
                    "action",
                    command.action().word(),
                    "command",
                    command.commandLine(),
                    "status",
                    status);
        } catch (IOException | RuntimeException e) {
            log.event(
                    "fallback-command",
                    "virtual",
                    command.virtual().id(),
                    "action",
                    command.action().word(),
                    "command",
                    command.commandLine(),
                    "error",
                    e.getMessage());
        }
    }
}
