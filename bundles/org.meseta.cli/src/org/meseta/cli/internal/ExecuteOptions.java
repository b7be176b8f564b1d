package org.meseta.cli.internal;

import static org.meseta.cli.internal.ExecuteFlags.CHECKPOINT;
import static org.meseta.cli.internal.ExecuteFlags.COMMAND;
import static org.meseta.cli.internal.ExecuteFlags.CONTENT_TYPE;
import static org.meseta.cli.internal.ExecuteFlags.ENV;
import static org.meseta.cli.internal.ExecuteFlags.FRAMEWORK_CAPABILITIES;
import static org.meseta.cli.internal.ExecuteFlags.FRAMEWORK_NAME;
import static org.meseta.cli.internal.ExecuteFlags.KILL_AFTER;
import static org.meseta.cli.internal.ExecuteFlags.MASTER;
import static org.meseta.cli.internal.ExecuteFlags.NAME;
import static org.meseta.cli.internal.ExecuteFlags.PRINCIPAL;
import static org.meseta.cli.internal.ExecuteFlags.RESOURCES;
import static org.meseta.cli.internal.ExecuteFlags.ROLE;
import static org.meseta.cli.internal.ExecuteFlags.SHELL;
import static org.meseta.cli.internal.ExecuteFlags.TASK;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.Flags;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.DaemonException;

/**
 * What one run of {@code meseta-execute} does, validated: whom to subscribe with and how, and the task to launch.
 *
 * @param master      where to subscribe
 * @param contentType the encoding of calls and events
 * @param framework   the framework to subscribe as (no id: every run is a new framework)
 * @param task        the task without {@code agent_id}; its resources are replaced by those taken from the offer
 * @param resources   what the task needs from an offer, without reservations
 * @param killAfter   how long the task may run before it is killed, if limited
 */
record ExecuteOptions(MasterLocation master, ContentType contentType, FrameworkInfo framework, TaskInfo task,
        Resources resources, Optional<Duration> killAfter) {

    /** The flags {@code --task} replaces. */
    private static final List<Flag<?>> TASK_FLAGS = List.of(NAME, COMMAND, SHELL, ENV, RESOURCES);

    /**
     * Checks how the flags combine and builds the options.
     *
     * @throws DaemonException with a one-line reason: neither or both of {@code --command} and {@code --task}, a
     *     task without a name, resources in {@code --task} that are not valid
     */
    static ExecuteOptions from(Flags flags) throws DaemonException {
        TaskInfo task;
        Resources resources;
        if (flags.isExplicit(TASK)) {
            for (Flag<?> flag : TASK_FLAGS) {
                if (flags.isExplicit(flag)) {
                    throw new DaemonException(flag + " cannot be combined with --task, which gives the whole task");
                }
            }
            task = flags.get(TASK);
            resources = resourcesOf(task);
        } else {
            task = commandTask(flags);
            resources = flags.get(RESOURCES);
        }
        return new ExecuteOptions(flags.get(MASTER), flags.get(CONTENT_TYPE), framework(flags), task, resources,
                flags.find(KILL_AFTER));
    }

    private static TaskInfo commandTask(Flags flags) throws DaemonException {
        String command = flags.find(COMMAND)
                .orElseThrow(() -> new DaemonException("Give the task to run with --command or --task"));
        String name = flags.find(NAME).orElseThrow(() -> new DaemonException("Missing required flag '--name'"));
        if (name.isBlank()) {
            throw new DaemonException("--name must not be empty");
        }
        CommandInfo.Builder commandInfo = CommandInfo.newBuilder().setValue(command).setShell(flags.get(SHELL));
        if (!flags.get(SHELL)) {
            // Without a shell the command is the program, run with itself as argv[0] and no further arguments.
            commandInfo.addArguments(command);
        }
        flags.find(ENV).ifPresent(commandInfo::setEnvironment);
        return TaskInfo.newBuilder().setName(name).setTaskId(TaskID.newBuilder().setValue(name))
                .setCommand(commandInfo).buildPartial();
    }

    private static Resources resourcesOf(TaskInfo task) throws DaemonException {
        try {
            return Resources.of(task.getResourcesList());
        } catch (ResourceParseException e) {
            throw new DaemonException("Invalid --task: " + e.getMessage(), e);
        }
    }

    /**
     * The framework, like mesos-execute's: the running user, no failover timeout (the master removes the framework
     * as soon as this process disconnects), the single deprecated {@code role} unless MULTI_ROLE is announced.
     */
    @SuppressWarnings("deprecation") // FrameworkInfo.role is what frameworks without MULTI_ROLE subscribe with.
    private static FrameworkInfo framework(Flags flags) throws DaemonException {
        String user = System.getProperty("user.name", "");
        if (user.isBlank()) {
            throw new DaemonException("Cannot tell which user runs this; the framework needs a user name");
        }
        Set<Capability.Type> capabilities = flags.find(FRAMEWORK_CAPABILITIES).orElse(Set.of());
        FrameworkInfo.Builder framework = FrameworkInfo.newBuilder().setUser(user).setName(flags.get(FRAMEWORK_NAME))
                .setCheckpoint(flags.get(CHECKPOINT));
        if (capabilities.contains(Capability.Type.MULTI_ROLE)) {
            framework.addRoles(flags.get(ROLE));
        } else {
            framework.setRole(flags.get(ROLE));
        }
        capabilities.forEach(type -> framework.addCapabilitiesBuilder().setType(type));
        flags.find(PRINCIPAL).ifPresent(framework::setPrincipal);
        return framework.build();
    }
}
