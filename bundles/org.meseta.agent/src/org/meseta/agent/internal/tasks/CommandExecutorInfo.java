package org.meseta.agent.internal.tasks;

import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskInfo;

/**
 * The {@link ExecutorInfo} Mesos makes up for a command task's executor: the task's id as executor id and source, a
 * name that shows the command (cut after 12 characters), and the command's URIs, environment and user. Stateless.
 */
final class CommandExecutorInfo {

    private static final int MAX_SHOWN = 15;
    private static final int SHOWN_WHEN_CUT = 12;

    private CommandExecutorInfo() {}

    static ExecutorInfo of(FrameworkInfo framework, TaskInfo task) {
        CommandInfo command = task.getCommand();
        CommandInfo.Builder kept = CommandInfo.newBuilder().addAllUris(command.getUrisList());
        if (command.hasEnvironment()) {
            kept.setEnvironment(command.getEnvironment());
        }
        if (command.hasUser()) {
            kept.setUser(command.getUser());
        }
        ExecutorInfo.Builder info = ExecutorInfo.newBuilder()
                .setExecutorId(ExecutorID.newBuilder().setValue(task.getTaskId().getValue()))
                .setFrameworkId(framework.getId())
                .setName("Command Executor (Task: " + task.getTaskId().getValue() + ") (Command: " + shown(command)
                        + ")")
                .setSource(task.getTaskId().getValue())
                .setCommand(kept);
        if (task.hasLabels()) {
            info.setLabels(task.getLabels());
        }
        return info.build();
    }

    private static String shown(CommandInfo command) {
        if (command.getShell()) {
            return command.hasValue() ? "sh -c '" + cut(command.getValue()) + "'" : "NO COMMAND";
        }
        if (!command.hasValue()) {
            return "NO EXECUTABLE";
        }
        String arguments = command.getValue() + ", " + String.join(", ", command.getArgumentsList());
        return "[" + cut(arguments) + "]";
    }

    private static String cut(String text) {
        return text.length() > MAX_SHOWN ? text.substring(0, SHOWN_WHEN_CUT) + "..." : text;
    }
}
