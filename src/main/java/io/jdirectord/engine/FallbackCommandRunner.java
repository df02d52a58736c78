package io.jdirectord.engine;

import io.jdirectord.decision.FallbackCommand;

/**
 * Runs the operator's {@code fallbackcommand}s the {@link TableKeeper} asks for when a virtual service
 * loses or regains all its real servers. Called from the table keeper's pass: implementations return at
 * once and run the command elsewhere, the commands of one virtual service in the order asked.
 */
@FunctionalInterface
public interface FallbackCommandRunner {

    void run(FallbackCommand command);
}
