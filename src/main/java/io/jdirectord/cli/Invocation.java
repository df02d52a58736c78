package io.jdirectord.cli;

import java.util.List;
import java.util.Optional;

/**
 * The positional arguments sorted out: {@code [CONFIG] COMMAND [ARGUMENTS]}; only the commands that change
 * the running daemon ({@link #CONTROL}) take arguments.
 *
 * @param config    the configuration file name, when given
 * @param command   the command, when given
 * @param arguments the command's arguments ({@code drain 60 tcp:192.0.2.10:80 10.0.0.1:80}: all but the first word)
 * @param error     why the arguments make no sense, if they don't
 */
record Invocation(Optional<String> config, Optional<String> command, List<String> arguments, Optional<String> error) {

    static final List<String> COMMANDS =
            List.of("start", "stop", "restart", "try-restart", "reload", "force-reload", "status", "health");
    /** The commands sent to the running daemon's control socket, with their arguments. */
    static final List<String> CONTROL = List.of("disable", "enable", "drain", "weight");

    Invocation {
        arguments = List.copyOf(arguments);
    }

    static Invocation of(List<String> arguments, boolean testOnly) {
        int at = arguments.isEmpty() || isCommand(arguments.get(0)) ? 0 : 1;
        Optional<String> config = at == 1 ? Optional.of(arguments.get(0)) : Optional.empty();
        Optional<String> command = arguments.size() > at ? Optional.of(arguments.get(at)) : Optional.empty();
        List<String> rest = arguments.size() > at + 1 ? arguments.subList(at + 1, arguments.size()) : List.of();
        return new Invocation(config, command, rest, validate(command, rest, testOnly));
    }

    private static boolean isCommand(String word) {
        return COMMANDS.contains(word) || CONTROL.contains(word);
    }

    /** Whether the command is sent to the running daemon's control socket. */
    boolean controls() {
        return command.filter(CONTROL::contains).isPresent();
    }

    private static Optional<String> validate(Optional<String> command, List<String> arguments, boolean testOnly) {
        if (command.isPresent() && !isCommand(command.get())) {
            return Optional.of("unknown command '" + command.get() + "' (expected one of " + String.join(", ", COMMANDS)
                    + ", " + String.join(", ", CONTROL) + ")");
        }
        if (command.isEmpty() && !testOnly) {
            return Optional.of("no command given");
        }
        if (command.filter(CONTROL::contains).isPresent() && arguments.isEmpty()) {
            return Optional.of(command.get() + " needs a real server: " + command.get() + " [VIRTUAL] REAL");
        }
        if (command.filter(COMMANDS::contains).isPresent() && !arguments.isEmpty()) {
            return Optional.of("too many arguments: " + String.join(" ", arguments));
        }
        return Optional.empty();
    }
}
