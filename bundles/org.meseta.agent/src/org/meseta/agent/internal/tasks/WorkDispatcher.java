package org.meseta.agent.internal.tasks;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.DrainConfig;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.agent.internal.checkpoint.MetaLayout;
import org.meseta.agent.internal.checkpoint.RunCheckpoint;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.api.agentlink.AgentEvent;

/**
 * Carries out the work the master sends down the agent link: runs tasks and task groups (creating the framework, the
 * executor run and its sandbox as needed), kills them, shuts executors and frameworks down, passes acknowledgements
 * to the status update manager and messages to executors, drains the agent (kills every task) and shuts everything
 * down when the master refuses the agent for good. Work it cannot do becomes a status update from the agent, as in Mesos:
 * {@code TASK_LOST} (or {@code TASK_DROPPED} for partition-aware frameworks) for a task it cannot run or find, and
 * {@code TASK_ERROR} for a task that is neither a command nor for an executor. Confined to the agent's actor thread.
 */
public final class WorkDispatcher {

    private static final System.Logger LOG = System.getLogger(WorkDispatcher.class.getName());

    private final ExecutorContext context;
    private final Workload workload;

    public WorkDispatcher(ExecutorContext context, Workload workload) {
        this.context = context;
        this.workload = workload;
    }

    /** Does one piece of work; the link handles REGISTERED and PING itself. */
    public void handle(AgentEvent event) {
        switch (event) {
            case AgentEvent.RunTask run -> runTask(run.framework(), run.task());
            case AgentEvent.RunTaskGroup run -> runTaskGroup(run.framework(), run.executor(), run.taskGroup());
            case AgentEvent.KillTask kill -> killTask(kill.frameworkId(), kill.kill());
            case AgentEvent.ShutdownExecutor shutdown -> shutdownExecutor(shutdown.frameworkId(), shutdown.shutdown());
            case AgentEvent.ShutdownFramework shutdown -> shutdownFramework(shutdown.frameworkId());
            case AgentEvent.Acknowledge acknowledge -> context.updates().acknowledge(acknowledge.frameworkId(),
                    acknowledge.acknowledge().getTaskId(), acknowledge.acknowledge().getUuid());
            case AgentEvent.FrameworkMessage message -> frameworkMessage(message.frameworkId(), message.message());
            case AgentEvent.Drain drain -> drain(drain.config());
            case AgentEvent.Shutdown shutdown -> shutdownAll(shutdown.message());
            case AgentEvent.Registered registered -> LOG.log(System.Logger.Level.DEBUG, "Registration is the link's");
            case AgentEvent.Ping ping -> LOG.log(System.Logger.Level.DEBUG, "Pings are the link's");
            case AgentEvent.UpdateTotal update -> LOG.log(System.Logger.Level.DEBUG, "The total is the agent's");
        }
    }

    /** The framework acknowledged a status update (called by the status update manager). */
    public void acknowledged(FrameworkID frameworkId, TaskStatus status) {
        workload.executorOf(frameworkId, status.getTaskId()).ifPresent(run -> run.acknowledged(status));
    }

    private void runTask(FrameworkInfo info, TaskInfo task) {
        Framework framework = workload.framework(info);
        if (framework.isTerminating()) {
            lostOrDropped(framework, task.getTaskId(), TaskStatus.Reason.REASON_FRAMEWORK_REMOVED,
                    "Framework " + framework.id().getValue() + " is being shut down on this agent");
            return;
        }
        if (task.hasCommand() == task.hasExecutor()) {
            agentUpdate(framework.id(), task.getTaskId(), TaskState.TASK_ERROR, TaskStatus.Reason.REASON_TASK_INVALID,
                    "A task needs either 'command' or 'executor', not both or neither");
            return;
        }
        ExecutorID executorId = task.hasExecutor() ? task.getExecutor().getExecutorId()
                : ExecutorID.newBuilder().setValue(task.getTaskId().getValue()).build();
        Optional<ExecutorRun> existing = framework.executor(executorId);
        TaskEntry entry = TaskEntry.of(framework.info(), task);
        if (existing.isEmpty()) {
            ExecutorInfo executor = task.hasCommand() ? CommandExecutorInfo.of(framework.info(), task)
                    : task.getExecutor().toBuilder().setFrameworkId(framework.id()).build();
            launch(framework, executor, List.of(entry));
        } else if (existing.get() instanceof CustomExecutor custom && custom.acceptsTasks()) {
            if (checkpointed(custom.checkpoint, framework, List.of(entry))) {
                custom.run(entry);
            }
        } else {
            lostOrDropped(framework, task.getTaskId(), TaskStatus.Reason.REASON_EXECUTOR_TERMINATED, "Executor "
                    + executorId.getValue() + (existing.get() instanceof CustomExecutor ? " is terminating"
                            : " already exists"));
        }
    }

    /**
     * Runs a task group under its executor: the agent's default executor for type {@code DEFAULT}, else the
     * framework's own, started first unless it runs already (and then takes the group, if it still takes tasks).
     */
    private void runTaskGroup(FrameworkInfo info, ExecutorInfo executor, TaskGroupInfo group) {
        Framework framework = workload.framework(info);
        List<TaskEntry> entries = TaskEntry.ofGroup(framework.info(), group);
        if (framework.isTerminating()) {
            entries.forEach(task -> lostOrDropped(framework, task.id(), TaskStatus.Reason.REASON_FRAMEWORK_REMOVED,
                    "Framework " + framework.id().getValue() + " is being shut down on this agent"));
            return;
        }
        Optional<ExecutorRun> existing = framework.executor(executor.getExecutorId());
        if (existing.isEmpty()) {
            launch(framework, executor.toBuilder().setFrameworkId(framework.id()).build(), entries);
        } else if (existing.get() instanceof RunsTaskGroups runner && existing.get().acceptsTasks()) {
            if (checkpointed(existing.get().checkpoint, framework, entries)) {
                runner.runGroup(entries);
            }
        } else {
            entries.forEach(task -> lostOrDropped(framework, task.id(), TaskStatus.Reason.REASON_EXECUTOR_TERMINATED,
                    "Executor " + executor.getExecutorId().getValue() + (existing.get() instanceof RunsTaskGroups
                            ? " is terminating" : " already exists")));
        }
    }

    /**
     * Starts a new executor run for {@code tasks}: a command task, a task for a framework's executor, or a task
     * group (for the agent's default executor when the executor's type is {@code DEFAULT}).
     */
    private void launch(Framework framework, ExecutorInfo info, List<TaskEntry> tasks) {
        ContainerID containerId = ContainerID.newBuilder().setValue(UUID.randomUUID().toString()).build();
        String agentId = context.agent().get().getId().getValue();
        Sandbox sandbox;
        RunCheckpoint checkpoint;
        try {
            sandbox = Sandbox.create(context.settings().workDir(), agentId, framework.id().getValue(),
                    info.getExecutorId().getValue(), containerId.getValue());
            checkpoint = RunCheckpoint.create(MetaLayout.of(context.settings().workDir(), agentId),
                    framework.info(), info, containerId);
        } catch (LaunchException | IOException e) {
            tasks.forEach(task -> agentUpdate(framework.id(), task.id(), TaskState.TASK_FAILED,
                    TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED, e.getMessage()));
            return;
        }
        if (!checkpointed(checkpoint, framework, tasks)) {
            return;
        }
        Consumer<ExecutorRun> changed = ended -> context.actor().run(() -> workload.reap(ended));
        boolean group = !tasks.get(0).group().isEmpty();
        ExecutorRun run;
        if (tasks.get(0).info().hasCommand() && !group) {
            run = new CommandExecutor(context, framework.info(), tasks.get(0), sandbox, containerId, checkpoint,
                    changed);
        } else if (info.getType() == ExecutorInfo.Type.DEFAULT) {
            DefaultExecutor executor = new DefaultExecutor(context, framework.info(), info, sandbox, containerId,
                    checkpoint, changed);
            executor.runGroup(tasks);
            run = executor;
        } else {
            CustomExecutor executor = new CustomExecutor(context, framework.info(), info, sandbox, containerId,
                    checkpoint, changed);
            if (group) {
                executor.runGroup(tasks);
            } else {
                executor.run(tasks.get(0));
            }
            run = executor;
        }
        framework.add(run);
        run.attachSandbox();
        run.start();
    }

    /** Checkpoints tasks before they run; if that fails, they fail instead. */
    private boolean checkpointed(RunCheckpoint checkpoint, Framework framework, List<TaskEntry> tasks) {
        try {
            for (TaskEntry task : tasks) {
                checkpoint.task(task.info(), task.group());
            }
            return true;
        } catch (IOException e) {
            tasks.forEach(task -> agentUpdate(framework.id(), task.id(), TaskState.TASK_FAILED,
                    TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED, "Failed to checkpoint the task: "
                            + e.getMessage()));
            return false;
        }
    }

    private void killTask(FrameworkID frameworkId, Call.Kill kill) {
        Optional<Framework> framework = workload.framework(frameworkId);
        if (framework.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring the kill of task {0}: framework {1} runs nothing here",
                    kill.getTaskId().getValue(), frameworkId.getValue());
            return;
        }
        Optional<ExecutorRun> run = framework.get().executorOf(kill.getTaskId());
        if (run.isEmpty()) {
            lostOrDropped(framework.get(), kill.getTaskId(), TaskStatus.Reason.REASON_EXECUTOR_TERMINATED,
                    "Cannot find the task's executor on this agent");
            return;
        }
        run.get().kill(kill.getTaskId(), kill.hasKillPolicy() ? Optional.of(kill.getKillPolicy()) : Optional.empty());
    }

    private void shutdownExecutor(FrameworkID frameworkId, Call.Shutdown shutdown) {
        workload.executor(frameworkId, shutdown.getExecutorId()).ifPresentOrElse(ExecutorRun::shutdown,
                () -> LOG.log(System.Logger.Level.WARNING, "Ignoring the shutdown of executor {0} of framework {1}:"
                        + " it does not run here", shutdown.getExecutorId().getValue(), frameworkId.getValue()));
    }

    private void shutdownFramework(FrameworkID frameworkId) {
        workload.framework(frameworkId).ifPresent(framework -> {
            LOG.log(System.Logger.Level.INFO, "Shutting down framework {0}", frameworkId.getValue());
            framework.terminating();
            context.updates().cleanup(frameworkId);
            for (ExecutorRun run : List.copyOf(framework.executors())) {
                run.frameworkTerminating();
                run.shutdown();
            }
        });
    }

    /**
     * The operator drains this agent: every task that has not ended is killed, each with its own kill policy but,
     * when the drain has a {@code max_grace_period}, a grace period no longer than that.
     */
    private void drain(DrainConfig config) {
        LOG.log(System.Logger.Level.INFO, "Draining: killing every task");
        for (ExecutorRun run : workload.runs().toList()) {
            for (TaskEntry task : List.copyOf(run.liveTasks())) {
                if (!task.isTerminal()) {
                    run.kill(task.id(), drainPolicy(task.info(), config));
                }
            }
        }
    }

    /**
     * The kill policy a drain kills {@code task} with, as Mesos's agent computes it: none beyond the task's own
     * without a {@code max_grace_period}; otherwise the task's own with its grace period capped by it (a task without
     * a grace period gets the maximum).
     */
    static Optional<KillPolicy> drainPolicy(TaskInfo task, DrainConfig config) {
        if (!config.hasMaxGracePeriod()) {
            return Optional.empty();
        }
        KillPolicy own = task.getKillPolicy();
        long max = config.getMaxGracePeriod().getNanoseconds();
        if (own.hasGracePeriod() && own.getGracePeriod().getNanoseconds() <= max) {
            return Optional.of(own);
        }
        return Optional.of(own.toBuilder().setGracePeriod(config.getMaxGracePeriod()).build());
    }

    /** The master refused this agent for good: every framework is shut down here. */
    private void shutdownAll(String reason) {
        LOG.log(System.Logger.Level.WARNING, "The master shut this agent down ({0}): shutting every framework down",
                reason);
        workload.frameworkIds().forEach(this::shutdownFramework);
    }

    private void frameworkMessage(FrameworkID frameworkId, Call.Message message) {
        Optional<ExecutorRun> run = workload.executor(frameworkId, message.getExecutorId());
        if (run.isPresent() && run.get() instanceof CustomExecutor executor) {
            executor.frameworkMessage(message.getData());
        } else {
            LOG.log(System.Logger.Level.WARNING, "Dropping a message of framework {0} for executor {1}: no such"
                    + " executor of its own runs here", frameworkId.getValue(), message.getExecutorId().getValue());
        }
    }

    private void lostOrDropped(Framework framework, TaskID taskId, TaskStatus.Reason reason, String message) {
        agentUpdate(framework.id(), taskId, framework.isPartitionAware() ? TaskState.TASK_DROPPED
                : TaskState.TASK_LOST, reason, message);
    }

    /** An update from the agent for a task that has no executor run here. */
    private void agentUpdate(FrameworkID frameworkId, TaskID taskId, TaskState state, TaskStatus.Reason reason,
            String message) {
        LOG.log(System.Logger.Level.WARNING, "Task {0} of framework {1}: {2} ({3})", taskId.getValue(),
                frameworkId.getValue(), state, message);
        context.updates().update(frameworkId, TaskStatuses.of(taskId, state, TaskStatus.Source.SOURCE_AGENT,
                context.agent().get().getId(), Optional.empty()).setReason(reason).setMessage(message).build());
    }
}
