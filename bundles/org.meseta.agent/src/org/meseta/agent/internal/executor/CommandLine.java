package org.meseta.agent.internal.executor;

import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.CommandInfo;

/**
 * The program and arguments a {@link CommandInfo} asks for. With {@code shell} (the default) the value runs as
 * {@code /bin/sh -c value}. Without it the value is the program (looked up in {@code PATH} when it has no slash)
 * and {@code arguments} its argv, whose first element Mesos passes as {@code argv[0]}; Java cannot set
 * {@code argv[0]} apart from the program, so that element is dropped and the program's own name takes its place.
 * Stateless.
 */
public final class CommandLine {

    private CommandLine() {}

    /** @throws LaunchException if the command has no value */
    public static List<String> argv(CommandInfo command) throws LaunchException {
        if (!command.hasValue() || command.getValue().isEmpty()) {
            throw new LaunchException("The command has no value to run");
        }
        if (command.getShell()) {
            return List.of("/bin/sh", "-c", command.getValue());
        }
        List<String> argv = new ArrayList<>();
        argv.add(command.getValue());
        List<String> arguments = command.getArgumentsList();
        if (arguments.size() > 1) {
            argv.addAll(arguments.subList(1, arguments.size()));
        }
        return argv;
    }
}
