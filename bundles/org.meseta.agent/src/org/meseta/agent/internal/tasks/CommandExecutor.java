package org.meseta.agent.internal.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.agent.internal.executor.CommandLine;
import org.meseta.agent.internal.executor.Container;
import org.meseta.agent.internal.executor.ExitStatus;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.daemon.Actor;

/**
 * The agent's built-in command executor: runs one command task's process itself (no executor process, no JVM) and
 * reports for it as Mesos's command executor does: {@code TASK_STARTING} just before the process starts,
 * {@code TASK_RUNNING} once it runs, then {@code TASK_KILLED} (after a kill), {@code TASK_FINISHED} (exit status 0)
 * or {@code TASK_FAILED}, with a message such as {@code Command exited with status 2}. A kill sends
 * {@code TASK_KILLING} first when the framework has the {@code TASK_KILLING_STATE} capability, SIGTERM to every
 * process of the task, and SIGKILL after the grace period; a later kill may shorten that period. Confined to the
 * agent's actor thread.
 */
final class CommandExecutor extends ExecutorRun {

    private final TaskEntry task;
    private boolean killed;
    private long killDeadline;
    private Actor.Timer escalation = () -> {};

    CommandExecutor(ExecutorContext context, FrameworkInfo framework, TaskEntry task, Sandbox sandbox,
            ContainerID containerId, Runnable changed) {
        super(context, framework, CommandExecutorInfo.of(framework, task.info()), sandbox, containerId, changed);
        this.task = task;
        tasks.put(task.id(), task);
    }

    @Override
    void run(TaskEntry another) {
        throw new IllegalStateException("A command executor runs exactly one task");
    }

    @Override
    CommandInfo command() {
        return task.info().getCommand();
    }

    @Override
    List<String> argv() throws LaunchException {
        return CommandLine.argv(command());
    }

    @Override
    Map<String, String> environment() throws LaunchException {
        return ExecutorEnvironment.forCommandTask(context.settings(), context.agent().get().getId(), framework,
                task.info(), sandbox);
    }

    @Override
    void launching() {
        task.delivered();
        report(executorStatus(TaskState.TASK_STARTING).build());
    }

    @Override
    void launched() {
        state = ExecutorState.RUNNING;
        report(executorStatus(TaskState.TASK_RUNNING).build());
    }

    @Override
    void kill(TaskID taskId, Optional<KillPolicy> policy) {
        switch (state) {
            case LAUNCHING -> {
                state = ExecutorState.TERMINATING;
                report(agentStatus(task.id(), TaskState.TASK_KILLED,
                        TaskStatus.Reason.REASON_TASK_KILLED_DURING_LAUNCH, "Killed before the task started"));
            }
            case REGISTERING, RUNNING -> escalate(gracePeriod(task, policy));
            case TERMINATING -> {
                if (killed) {
                    escalate(gracePeriod(task, policy)); // a kill during launch has no process to escalate against
                }
            }
            case TERMINATED -> { }
        }
    }

    /** SIGTERM now (the first time), SIGKILL when the grace period is over, unless an earlier kill asked for sooner. */
    private void escalate(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        if (!killed) {
            killed = true;
            state = ExecutorState.TERMINATING;
            if (framework.getCapabilitiesList().stream()
                    .anyMatch(c -> c.getType() == FrameworkInfo.Capability.Type.TASK_KILLING_STATE)) {
                report(executorStatus(TaskState.TASK_KILLING).build());
            }
            signal(Container::terminate);
        } else if (deadline - killDeadline >= 0) {
            return;
        }
        killDeadline = deadline;
        escalation.cancel();
        escalation = context.actor().schedule(grace, () -> signal(Container::kill));
    }

    @Override
    void shutdown() {
        kill(task.id(), Optional.empty());
    }

    @Override
    void exitedWith(ExitStatus status) {
        escalation.cancel();
        if (limited()) {
            return; // the agent reports the limitation, as Mesos's does for a destroyed container
        }
        // As Mesos's command executor: a task that was killed ends KILLED even if it exited cleanly on SIGTERM.
        TaskState end = killed ? TaskState.TASK_KILLED
                : status.succeeded() ? TaskState.TASK_FINISHED : TaskState.TASK_FAILED;
        report(executorStatus(end).setMessage("Command " + status.describe()).build());
    }

    @Override
    void terminated(Optional<ExitStatus> status) {
        escalation.cancel();
    }

    private TaskStatus.Builder executorStatus(TaskState state) {
        return TaskStatuses.of(task.id(), state, TaskStatus.Source.SOURCE_EXECUTOR, context.agent().get().getId(),
                Optional.of(id()));
    }
}
