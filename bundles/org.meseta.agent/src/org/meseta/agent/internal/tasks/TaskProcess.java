package org.meseta.agent.internal.tasks;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.agent.internal.executor.Container;
import org.meseta.agent.internal.executor.ExitStatus;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.health.CheckedTask;
import org.meseta.agent.internal.health.HealthChecker;
import org.meseta.agent.internal.health.HealthReport;
import org.meseta.daemon.Actor;

/**
 * What the agent's own executors (the command executor, the default executor) do for one task process, as Mesos's
 * do: the updates they send for it ({@code SOURCE_EXECUTOR}), its health checks, its kill and how it ended.
 *
 * <p>A task with a health check is checked from the moment it runs ({@link HealthChecker}); each report becomes a
 * {@code TASK_RUNNING} update with {@code healthy} and {@code REASON_TASK_HEALTH_CHECK_STATUS_UPDATED}, and one that
 * asks for it has the task killed ({@code unhealthy}, the executor's own kill), whose {@code TASK_KILLED} then says
 * {@code healthy: false}. Checking stops once the task is killed or ends.
 *
 * <p>A kill sends {@code TASK_KILLING} first when the framework has the {@code TASK_KILLING_STATE} capability,
 * SIGTERM to every process of the task, and SIGKILL after the grace period; a later kill can only shorten the total
 * grace period, counted from the first kill. The task then ends {@code TASK_KILLED} whatever its exit status;
 * otherwise {@code TASK_FINISHED} for exit status 0 and {@code TASK_FAILED} for anything else, with a message such
 * as {@code Command exited with status 2}. Confined to the agent's actor thread.
 */
final class TaskProcess {

    private static final System.Logger LOG = System.getLogger(TaskProcess.class.getName());
    /** Longer grace periods are cut to this, which keeps {@link System#nanoTime()} arithmetic from overflowing. */
    private static final long LONGEST_GRACE_NANOS = Duration.ofDays(36_500).toNanos();

    /** How a task's processes are signalled; both are called on the actor thread and must not block it. */
    interface Signals {
        /** SIGTERM to every process of the task. */
        void terminate();

        /** SIGKILL to every process of the task. */
        void kill();

        /** Signals that hand {@link Container#terminate} or {@link Container#kill} to {@code signal}. */
        static Signals through(Consumer<Consumer<Container>> signal) {
            return new Signals() {
                @Override
                public void terminate() {
                    signal.accept(Container::terminate);
                }

                @Override
                public void kill() {
                    signal.accept(Container::kill);
                }
            };
        }
    }

    private final ExecutorContext context;
    private final Supplier<FrameworkInfo> framework;
    private final TaskEntry task;
    private final ExecutorID executorId;
    private final Consumer<TaskStatus> report;
    private final UnaryOperator<TaskStatus.Builder> decoration;
    private final Signals signals;
    private final Runnable unhealthy;
    private boolean killed;
    private boolean killedByHealthCheck;
    private boolean stopped;
    private Optional<HealthChecker> healthChecker = Optional.empty();
    /** When the first kill came and when its SIGKILL is due, in {@link System#nanoTime()}. */
    private long killStart;
    private long killDeadline;
    private Actor.Timer escalation = () -> {};

    /**
     * @param framework the task's framework as the agent knows it now
     * @param report takes each update the task's executor sends
     * @param decoration adds what this executor puts in each of its updates (e.g. the task's container)
     * @param unhealthy kills the task as its executor does when a health check asks for it
     */
    TaskProcess(ExecutorContext context, Supplier<FrameworkInfo> framework, TaskEntry task, ExecutorID executorId,
            Consumer<TaskStatus> report, UnaryOperator<TaskStatus.Builder> decoration, Signals signals,
            Runnable unhealthy) {
        this.context = context;
        this.framework = framework;
        this.task = task;
        this.executorId = executorId;
        this.report = report;
        this.decoration = decoration;
        this.signals = signals;
        this.unhealthy = unhealthy;
    }

    TaskEntry task() {
        return task;
    }

    /** A fresh update of the task's executor in {@code state}. */
    TaskStatus.Builder status(TaskState state) {
        return decoration.apply(TaskStatuses.of(task.id(), state, TaskStatus.Source.SOURCE_EXECUTOR,
                context.agent().get().getId(), Optional.of(executorId)));
    }

    /** Reports {@code TASK_STARTING}: the task is given to its executor, just before its process starts. */
    void starting() {
        task.delivered();
        report.accept(status(TaskState.TASK_STARTING).build());
    }

    /** Reports {@code TASK_RUNNING}: its process runs; its health checks start. */
    void running(CheckedTask checked) {
        report.accept(status(TaskState.TASK_RUNNING).build());
        checkHealth(checked);
    }

    /** Starts the task's health checks, if it has any: it runs (again, after an agent restart). */
    void checkHealth(CheckedTask checked) {
        if (!task.info().hasHealthCheck() || killed || stopped) {
            return;
        }
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
        if (killed || stopped) {
            return;
        }
        report.accept(status(TaskState.TASK_RUNNING).setHealthy(health.healthy())
                .setReason(TaskStatus.Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED).build());
        if (health.killTask()) {
            killedByHealthCheck = true;
            unhealthy.run();
        }
    }

    /** Whether the task was killed (or is being killed). */
    boolean isKilled() {
        return killed;
    }

    /**
     * SIGTERM now (the first time), SIGKILL when the grace period is over. As in Mesos, a later kill can only shorten
     * the total grace period, counted from the first kill: SIGKILL at once if that much time has passed already.
     */
    void kill(Duration grace) {
        long now = System.nanoTime();
        long graceNanos = Math.min(grace.toNanos(), LONGEST_GRACE_NANOS);
        if (!killed) {
            killed = true;
            killStart = now;
            healthChecker.ifPresent(HealthChecker::stop);
            if (framework.get().getCapabilitiesList().stream()
                    .anyMatch(c -> c.getType() == FrameworkInfo.Capability.Type.TASK_KILLING_STATE)) {
                report.accept(status(TaskState.TASK_KILLING).build());
            }
            signals.terminate();
        } else if (killStart + graceNanos - killDeadline >= 0) {
            return;
        }
        killDeadline = killStart + graceNanos;
        escalation.cancel();
        escalation = context.actor().schedule(Duration.ofNanos(Math.max(0, killDeadline - now)), () -> {
            if (!stopped) {
                signals.kill();
            }
        });
    }

    /** Stops checking and escalating: the task's process ended, or its executor did. Idempotent. */
    void stop() {
        stopped = true;
        escalation.cancel();
        healthChecker.ifPresent(HealthChecker::stop);
    }

    /**
     * The final update of a task whose process ended with a known {@code status}: killed, finished or failed, with
     * Mesos's message. Stops checking and escalating.
     */
    TaskStatus ended(ExitStatus status) {
        stop();
        // As Mesos's executors: a task that was killed ends KILLED even if it exited cleanly on SIGTERM.
        TaskState end = killed ? TaskState.TASK_KILLED
                : status.succeeded() ? TaskState.TASK_FINISHED : TaskState.TASK_FAILED;
        TaskStatus.Builder update = status(end).setMessage("Command " + status.describe());
        if (killed && killedByHealthCheck) {
            update.setHealthy(false);
        }
        return update.build();
    }
}
