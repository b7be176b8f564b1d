package org.meseta.console.core.launch;

import java.util.Optional;

import org.apache.mesos.v1.Protos.TaskState;
import org.meseta.console.core.calls.PendingCall;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.TaskView;

/**
 * The console's own framework: it launches tasks from the launch palette on the agent the administrator chose,
 * moves the tasks it launched to another agent and kills them. The operator API can neither launch nor kill a task,
 * so the console does what any framework does, over the v1 scheduler API ({@code /api/v1/scheduler}) of the master
 * the {@link org.meseta.console.core.ClusterClient} follows.
 *
 * <p><b>The framework.</b> It subscribes at its first action, named as {@link FrameworkSettings} say, with
 * checkpointing and a failover timeout, as a multi-role framework with the roles its tasks need, suppressed while
 * nothing waits for an offer. The id the master gives it is kept in a {@link FrameworkMemory}: a console started
 * again subscribes as the same framework and still owns its tasks. It stays subscribed until {@link #close()}
 * (acknowledging its tasks' status updates); a subscription that ends is made again at the next action.
 *
 * <p><b>A launch</b> revives offers for the task's role, waits for an offer of the chosen agent (declining the
 * others with a long filter), accepts it with a {@code LAUNCH} of exactly the definition's resources, and waits for
 * {@code TASK_RUNNING}; the task's failure (its state, reason and message) fails the launch. <b>A move</b> launches
 * a copy of a task on another agent and, once the copy runs, kills the original; when the copy fails, the original
 * keeps running. <b>A kill</b> sends {@code KILL} and waits for the task to end. Each wait is bounded
 * ({@link FrameworkSettings}).
 *
 * <p><b>Threading.</b> Every method returns at once; the framework runs on its own thread, results complete and
 * progress is told there, never on the caller's thread. <b>Failures</b> are results, never exceptions: a
 * {@link org.meseta.console.core.calls.CallResult.Failed} with one line for the administrator
 * ({@code TASK_FAILED: Command exited with status 1}, {@code node-b offers cpus:0.05 to role *, not the cpus:0.1
 * web needs}).
 *
 * <p>Create one with {@link ConsoleFrameworks}.
 */
public interface ConsoleFramework extends AutoCloseable {

    /** The framework's id: remembered from an earlier run, or given by the master once subscribed. */
    Optional<String> id();

    /** Whether {@code task} was launched by this framework (and so may be moved and killed by the console). */
    boolean owns(TaskView task);

    /**
     * Why {@code task} cannot be moved by the console, as a sentence for the administrator: it belongs to another
     * framework ({@code web-1 belongs to framework X; the console can only move the tasks it launched}), it has
     * ended, or the console does not know the definition it was launched from. Empty when it can be moved.
     */
    Optional<String> whyNotMovable(TaskView task, ClusterState cluster);

    /**
     * Why {@code task} cannot be killed by the console: it belongs to another framework (the operator API cannot kill
     * one task, so the sentence suggests tearing that framework down), or it has ended. Empty when it can be killed.
     */
    Optional<String> whyNotKillable(TaskView task, ClusterState cluster);

    /** Why no task can be launched on {@code agent} now (it is not active), or empty. */
    Optional<String> whyNotLaunchable(AgentView agent);

    /**
     * Launches a task of {@code spec} on {@code agent}, with a new id ({@code <name>.<8 hex digits>}). Succeeds once
     * the task runs.
     */
    PendingCall<LaunchedTask> launch(LaunchSpec spec, AgentView agent);

    /**
     * Moves {@code task} to {@code agent}: launches a copy there (from the definition the task was launched from) and
     * kills {@code task} once the copy runs. Succeeds with the copy once the original ended; fails, leaving the
     * original as it was, when the copy could not be launched. Fails at once with {@link #whyNotMovable} when that
     * has a reason.
     */
    PendingCall<LaunchedTask> move(TaskView task, AgentView agent);

    /**
     * Kills {@code task} and succeeds with the state it ended in (normally {@code TASK_KILLED}). Fails at once with
     * {@link #whyNotKillable} when that has a reason.
     */
    PendingCall<TaskState> kill(TaskView task);

    /**
     * Drops the subscription (the master keeps the framework and its tasks for its failover timeout) and stops the
     * framework's thread; actions under way fail. Idempotent.
     */
    @Override
    void close();
}
