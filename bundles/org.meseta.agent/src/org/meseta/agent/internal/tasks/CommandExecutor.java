package org.meseta.agent.internal.tasks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.meseta.agent.internal.executor.Container;
import org.meseta.agent.internal.executor.ExitStatus;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.agent.internal.health.CheckedTask;
import org.meseta.agent.internal.health.HealthChecker;
import org.meseta.agent.internal.health.HealthReport;
import org.meseta.daemon.Actor;

/**
 * The agent's built-in command executor: runs one command task's process itself (no executor process, no JVM) and
 * reports for it as Mesos's command executor does: {@code TASK_STARTING} just before the process starts,
 * {@code TASK_RUNNING} once it runs, then {@code TASK_KILLED} (after a kill), {@code TASK_FINISHED} (exit status 0)
 * or {@code TASK_FAILED}, with a message such as {@code Command exited with status 2}. A kill sends
 * {@code TASK_KILLING} first when the framework has the {@code TASK_KILLING_STATE} capability, SIGTERM to every
 * process of the task, and SIGKILL after the grace period; a later kill may shorten that period. A shutdown is a
 * kill whose grace period is the executor shutdown grace period less 2 s, as Mesos's command executor leaves the
 * agent time to hear of the task's end.
 *
 * <p>A task with a health check is checked from the moment it runs ({@link HealthChecker}); each report becomes a
 * {@code TASK_RUNNING} update with {@code healthy} and {@code REASON_TASK_HEALTH_CHECK_STATUS_UPDATED}, and one
 * that asks for it kills the task, whose {@code TASK_KILLED} then says {@code healthy: false}. Checking stops once
 * the task is killed or ends. Confined to the agent's actor thread.
 */
final class CommandExecutor extends ExecutorRun {

    private static final System.Logger LOG = System.getLogger(CommandExecutor.class.getName());

    /** Mesos's command executor escalates a shutdown this much sooner than the agent would destroy it. */
    private static final Duration SHUTDOWN_MARGIN = Duration.ofSeconds(2);
    /** Longer grace periods are cut to this, which keeps {@link System#nanoTime()} arithmetic from overflowing. */
    private static final long LONGEST_GRACE_NANOS = Duration.ofDays(36_500).toNanos();

    private final TaskEntry task;
    private boolean killed;
    private boolean killedByHealthCheck;
    private Optional<HealthChecker> healthChecker = Optional.empty();
    private Map<String, String> taskEnvironment = Map.of();
    /** When the first kill came and when its SIGKILL is due, in {@link System#nanoTime()}. */
    private long killStart;
    private long killDeadline;
    private Actor.Timer escalation = () -> {};

    CommandExecutor(ExecutorContext context, FrameworkInfo framework, TaskEntry task, Sandbox sandbox,
            ContainerID containerId, RunCheckpoint checkpoint, Runnable changed) {
        super(context, framework, CommandExecutorInfo.of(framework, task.info()), sandbox, containerId, checkpoint,
                changed);
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
        task.delivered();
        report(executorStatus(TaskState.TASK_STARTING).build());
    }

    /** A task of a checkpointing framework runs under a supervisor, which records how it ended for a restart. */
    @Override
    Optional<Path> supervision() {
        return checkpoint.statusFile();
    }

    @Override
    void launched() {
        state = ExecutorState.RUNNING;
        report(executorStatus(TaskState.TASK_RUNNING).build());
        if (task.info().hasHealthCheck()) {
            startHealthChecks();
        }
    }

    /** The task runs on after an agent restart; its health checks start over. */
    @Override
    void resumed() {
        state = ExecutorState.RUNNING;
        if (task.info().hasHealthCheck() && !task.isTerminal()) {
            try {
                environment();
                startHealthChecks();
            } catch (LaunchException e) {
                LOG.log(System.Logger.Level.ERROR, "Not health checking task {0}: {1}", task.id().getValue(),
                        e.getMessage());
            }
        }
    }

    private void startHealthChecks() {
        CheckedTask checked = new CheckedTask(task.id().getValue(), context.launcher(), sandbox, taskEnvironment,
                runAs);
        try {
            HealthChecker checker = HealthChecker.of(task.info().getHealthCheck(), checked, context.actor(),
                    context.blocking(), this::healthUpdated);
            healthChecker = Optional.of(checker);
            checker.start();
        } catch (LaunchException e) {
            LOG.log(System.Logger.Level.ERROR, "Not health checking task {0}: {1}", task.id().getValue(),
                    e.getMessage());
        }
    }

    /** As Mesos: a health report is a TASK_RUNNING update, unless the task is being killed or has ended. */
    private void healthUpdated(HealthReport health) {
        if (killed || state == ExecutorState.TERMINATED) {
            return;
        }
        report(executorStatus(TaskState.TASK_RUNNING).setHealthy(health.healthy())
                .setReason(TaskStatus.Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED).build());
        if (health.killTask()) {
            killedByHealthCheck = true;
            kill(task.id(), Optional.empty());
        }
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

    /**
     * SIGTERM now (the first time), SIGKILL when the grace period is over. As in Mesos, a later kill can only shorten
     * the total grace period, counted from the first kill: SIGKILL at once if that much time has passed already.
     */
    private void escalate(Duration grace) {
        long now = System.nanoTime();
        long graceNanos = Math.min(grace.toNanos(), LONGEST_GRACE_NANOS);
        if (!killed) {
            killed = true;
            killStart = now;
            state = ExecutorState.TERMINATING;
            healthChecker.ifPresent(HealthChecker::stop);
            if (framework.getCapabilitiesList().stream()
                    .anyMatch(c -> c.getType() == FrameworkInfo.Capability.Type.TASK_KILLING_STATE)) {
                report(executorStatus(TaskState.TASK_KILLING).build());
            }
            signal(Container::terminate);
        } else if (killStart + graceNanos - killDeadline >= 0) {
            return;
        }
        killDeadline = killStart + graceNanos;
        escalation.cancel();
        escalation = context.actor().schedule(Duration.ofNanos(Math.max(0, killDeadline - now)),
                () -> signal(Container::kill));
    }

    @Override
    void shutdown() {
        Duration grace = context.settings().shutdownGracePeriod().minus(SHUTDOWN_MARGIN);
        kill(task.id(), Optional.of(KillPolicy.newBuilder().setGracePeriod(DurationInfo.newBuilder()
                .setNanoseconds(Math.max(0, grace.toNanos()))).build()));
    }

    @Override
    void exitedWith(ExitStatus status) {
        escalation.cancel();
        healthChecker.ifPresent(HealthChecker::stop);
        if (limited() || status.isUnknown()) {
            return; // the agent reports the limitation, or that the task's end went unseen
        }
        // As Mesos's command executor: a task that was killed ends KILLED even if it exited cleanly on SIGTERM.
        TaskState end = killed ? TaskState.TASK_KILLED
                : status.succeeded() ? TaskState.TASK_FINISHED : TaskState.TASK_FAILED;
        TaskStatus.Builder update = executorStatus(end).setMessage("Command " + status.describe());
        if (killed && killedByHealthCheck) {
            update.setHealthy(false);
        }
        report(update.build());
    }

    @Override
    void terminated(Optional<ExitStatus> status) {
        escalation.cancel();
        healthChecker.ifPresent(HealthChecker::stop);
    }

    private TaskStatus.Builder executorStatus(TaskState state) {
        return TaskStatuses.of(task.id(), state, TaskStatus.Source.SOURCE_EXECUTOR, context.agent().get().getId(),
                Optional.of(id()));
    }
}
