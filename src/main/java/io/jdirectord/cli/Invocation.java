package io.jdirectord.cli;

import java.util.List;
import java.util.Optional;

/**
 * The positional arguments sorted out: {@code [CONFIG] [COMMAND]}.
 *
 * @param config  the configuration file name, when given
 * @param command the command, when given
 * @param error   why the arguments make no sense, if they don't
 */
record Invocation(Optional<String> config, Optional<String> command, Optional<String> error) {

    static final List<String> COMMANDS =
            List.of("start", "stop", "restart", "try-restart", "reload", "force-reload", "status", "health");

    static Invocation of(List<String> arguments, boolean testOnly) {
        Optional<String> config = Optional.empty();
        Optional<String> command = Optional.empty();
        if (arguments.size() == 2) {
            config = Optional.of(arguments.get(0));
            command = Optional.of(arguments.get(1));
        } else if (arguments.size() == 1 && COMMANDS.contains(arguments.get(0))) {
            command = Optional.of(arguments.get(0));
        } else if (arguments.size() == 1) {
            config = Optional.of(arguments.get(0));
        }
        return new Invocation(config, command, validate(command, testOnly));
    }

    private static Optional<String> validate(Optional<String> command, boolean testOnly) {
        if (command.isPresent() && !COMMANDS.contains(command.get())) {
            return Optional.of(
                    "unknown command '" + command.get() + "' (expected one of " + String.join(", ", COMMANDS) + ")");
        }
        if (command.isEmpty() && !testOnly) {
            return Optional.of("no command given");
        }
        return Optional.empty();
    }
}
