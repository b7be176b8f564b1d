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
import static org.meseta.cli.internal.ExecuteFlags.TASK_GROUP;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.Flags;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Roles;
import org.meseta.daemon.DaemonException;

/**
 * What one run of {@code meseta-execute} does, validated: whom to subscribe with and how, and what to launch: one
 * task, or with {@code --task_group} a task group under the default executor, as mesos-execute launches it.
 *
 * @param master      where to subscribe
 * @param contentType the encoding of calls and events
 * @param framework   the framework to subscribe as (no id: every run is a new framework)
 * @param tasks       the task, or the group's tasks, without {@code agent_id}; their resources are replaced by those
 *                    taken from the offer
 * @param needs       what each task needs from an offer, without reservations, then what the executor needs
 * @param executor    the task group's executor, without framework and resources; empty for a single task
 * @param killAfter   how long the task may run before it is killed, if limited
 */
record ExecuteOptions(MasterLocation master, ContentType contentType, FrameworkInfo framework, List<TaskInfo> tasks,
        List<Resources> needs, Optional<ExecutorInfo> executor, Optional<Duration> killAfter) {

    /** The flags {@code --task} and {@code --task_group} replace. */
    private static final List<Flag<?>> TASK_FLAGS = List.of(NAME, COMMAND, SHELL, ENV, RESOURCES);
    /** mesos-execute's default executor for a task group: its id, and the resources it asks for. */
    static final String DEFAULT_EXECUTOR_ID = "default";
    private static final String DEFAULT_EXECUTOR_RESOURCES = "cpus:0.1;mem:32;disk:32";

    ExecuteOptions {
        tasks = List.copyOf(tasks);
        needs = List.copyOf(needs);
    }

    /**
     * Checks how the flags combine and builds the options.
     *
     * @throws DaemonException with a one-line reason: none or more than one of {@code --command}, {@code --task} and
     *     {@code --task_group}, a task without a name, resources in {@code --task} or {@code --task_group} that are
     *     not valid
     */
    static ExecuteOptions from(Flags flags) throws DaemonException {
        List<TaskInfo> tasks;
        List<Resources> needs = new ArrayList<>();
        Optional<ExecutorInfo> executor = Optional.empty();
        if (flags.isExplicit(TASK) && flags.isExplicit(TASK_GROUP)) {
            throw new DaemonException("--task cannot be combined with --task_group");
        }
        if (flags.isExplicit(TASK) || flags.isExplicit(TASK_GROUP)) {
            Flag<?> whole = flags.isExplicit(TASK) ? TASK : TASK_GROUP;
            for (Flag<?> flag : TASK_FLAGS) {
                if (flags.isExplicit(flag)) {
                    throw new DaemonException(flag + " cannot be combined with " + whole + ", which gives the whole "
                            + (whole == TASK ? "task" : "task group"));
                }
            }
            tasks = flags.isExplicit(TASK) ? List.of(flags.get(TASK)) : flags.get(TASK_GROUP).getTasksList();
            for (TaskInfo task : tasks) {
                needs.add(resourcesOf(task, whole));
            }
            if (whole == TASK_GROUP) {
                needs.add(parse(DEFAULT_EXECUTOR_RESOURCES));
                executor = Optional.of(ExecutorInfo.newBuilder().setType(ExecutorInfo.Type.DEFAULT)
                        .setExecutorId(ExecutorID.newBuilder().setValue(DEFAULT_EXECUTOR_ID)).build());
            }
        } else {
            tasks = List.of(commandTask(flags));
            needs.add(flags.get(RESOURCES));
        }
        return new ExecuteOptions(flags.get(MASTER), flags.get(CONTENT_TYPE), framework(flags), tasks, needs,
                executor, flags.find(KILL_AFTER));
    }

    /** Everything the launch needs from one offer. */
    Resources resources() {
        return needs.stream().reduce(Resources.empty(), Resources::plus);
    }

    private static TaskInfo commandTask(Flags flags) throws DaemonException {
        String command = flags.find(COMMAND).orElseThrow(() -> new DaemonException(
                "Give the task to run with --command or --task, or a task group with --task_group"));
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

    private static Resources resourcesOf(TaskInfo task, Flag<?> flag) throws DaemonException {
        try {
            return Resources.of(task.getResourcesList());
        } catch (ResourceParseException e) {
            throw new DaemonException("Invalid " + flag + ": " + e.getMessage(), e);
        }
    }

    private static Resources parse(String resources) {
        try {
            return Resources.parse(resources, Roles.DEFAULT_ROLE);
        } catch (ResourceParseException e) {
            throw new IllegalStateException("Invalid built-in resources " + resources, e);
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
