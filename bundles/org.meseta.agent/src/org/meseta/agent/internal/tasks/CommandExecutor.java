package org.meseta.agent.internal.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.ContainerInfo;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.agent.internal.checkpoint.RunCheckpoint;
import org.meseta.agent.internal.executor.CommandLine;
import org.meseta.agent.internal.executor.ExitStatus;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.agent.internal.health.CheckedTask;

/**
 * The agent's built-in command executor: runs one command task's process itself (no executor process, no JVM) and
 * reports for it as Mesos's command executor does ({@link TaskProcess}): {@code TASK_STARTING} just before the
 * process starts, {@code TASK_RUNNING} once it runs, then {@code TASK_KILLED} (after a kill), {@code TASK_FINISHED}
 * (exit status 0) or {@code TASK_FAILED}. The task's process is the container's first process, so a kill signals the
 * whole container. A shutdown is a kill whose grace period is the executor shutdown grace period less 2 s, as Mesos's
 * command executor leaves the agent time to hear of the task's end. Confined to the agent's actor thread.
 */
final class CommandExecutor extends ExecutorRun {

    /** Mesos's command executor escalates a shutdown this much sooner than the agent would destroy it. */
    private static final Duration SHUTDOWN_MARGIN = Duration.ofSeconds(2);

    private final TaskEntry task;
    private final TaskProcess process;
    private Map<String, String> taskEnvironment = Map.of();

    CommandExecutor(ExecutorContext context, FrameworkInfo framework, TaskEntry task, Sandbox sandbox,
            ContainerID containerId, RunCheckpoint checkpoint, Consumer<ExecutorRun> changed) {
        super(context, framework, CommandExecutorInfo.of(framework, task.info()), sandbox, containerId, checkpoint,
                changed);
        this.task = task;
        tasks.put(task.id(), task);
        // The task's process is the container's: signals go to the whole container.
        this.process = new TaskProcess(context, () -> this.framework, task, id(), this::report,
                UnaryOperator.identity(), TaskProcess.Signals.through(this::signal),
                () -> kill(task.id(), Optional.empty()));
    }

    @Override
    void run(TaskEntry another) {
        throw new IllegalStateException("A command executor runs exactly one task");
    }

    @Override
    CommandInfo command() {
        return task.info().getCommand();
    }

    /** As in Mesos, a command task's container is its executor's: the task's {@code ContainerInfo} applies. */
    @Override
    Optional<ContainerInfo> containerInfo() {
        return task.info().hasContainer() ? Optional.of(task.info().getContainer()) : Optional.empty();
    }

    @Override
    List<String> argv() throws LaunchException {
        return CommandLine.argv(command());
    }

    @Override
    Map<String, String> environment() throws LaunchException {
        taskEnvironment = ExecutorEnvironment.forCommandTask(context.settings(), context.agent().get().getId(),
                framework, task.info(), sandbox);
        return taskEnvironment;
    }

    @Override
    void launching() {
        process.starting();
    }

    @Override
    void launched() {
        state = ExecutorState.RUNNING;
        process.running(checkedTask());
    }

    /** The task runs on after an agent restart; its health checks start over. */
    @Override
    void resumed() {
        state = ExecutorState.RUNNING;
        if (task.isTerminal()) {
            return;
        }
        try {
            environment();
            process.checkHealth(checkedTask());
        } catch (LaunchException e) {
            System.getLogger(CommandExecutor.class.getName()).log(System.Logger.Level.ERROR,
                    "Not health checking task {0}: {1}", task.id().getValue(), e.getMessage());
        }
    }

    private CheckedTask checkedTask() {
        return new CheckedTask(task.id().getValue(), context.launcher(), sandbox, taskEnvironment, runAs);
    }

    @Override
    void kill(TaskID taskId, Optional<KillPolicy> policy) {
        switch (state) {
            case LAUNCHING -> {
                state = ExecutorState.TERMINATING;
                report(agentStatus(task.id(), TaskState.TASK_KILLED,
                        TaskStatus.Reason.REASON_TASK_KILLED_DURING_LAUNCH, "Killed before the task started"));
            }
            case REGISTERING, RUNNING -> {
                state = ExecutorState.TERMINATING;
                process.kill(gracePeriod(task, policy));
            }
            case TERMINATING -> {
                if (process.isKilled()) {
                    process.kill(gracePeriod(task, policy)); // a kill during launch has no process to escalate
                }
            }
            case TERMINATED -> { }
        }
    }

    @Override
    void shutdown() {
        Duration grace = context.settings().shutdownGracePeriod().minus(SHUTDOWN_MARGIN);
        kill(task.id(), Optional.of(KillPolicy.newBuilder().setGracePeriod(DurationInfo.newBuilder()
                .setNanoseconds(Math.max(0, grace.toNanos()))).build()));
    }

    @Override
    void exitedWith(ExitStatus status) {
        process.stop();
        if (limited() || status.isUnknown()) {
            return; // the agent reports the limitation, or that the task's end went unseen
        }
        report(process.ended(status));
    }

    @Override
    void terminated(Optional<ExitStatus> status) {
        process.stop();
    }
}
