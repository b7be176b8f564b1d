package org.meseta.agent.internal.tasks;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.agent.internal.checkpoint.RunCheckpoint;
import org.meseta.agent.internal.executor.CommandLine;
import org.meseta.agent.internal.executor.Container;
import org.meseta.agent.internal.executor.ExitStatus;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.flags.StoutDuration;
import org.meseta.daemon.Actor;

/**
 * A framework's own executor, a process speaking the v1 executor API to the agent. Tasks given to it before it
 * subscribes are queued and sent as {@code LAUNCH} events when it does; one that does not subscribe within
 * {@code --executor_registration_timeout} is killed and its tasks fail with
 * {@code REASON_EXECUTOR_REGISTRATION_TIMEOUT}. A shutdown sends {@code SHUTDOWN} and kills the process after the
 * executor's shutdown grace period. When the process ends the master hears of it ({@link AgentCall.ExecutorExited}).
 * Confined to the agent's actor thread.
 */
final class CustomExecutor extends ExecutorRun implements RunsTaskGroups {

    private static final System.Logger LOG = System.getLogger(CustomExecutor.class.getName());

    private ExecutorConnection connection;
    private Optional<Termination> pendingTermination = Optional.empty();
    private Actor.Timer registrationTimer = () -> {};
    private Actor.Timer shutdownTimer = () -> {};
    /** Updates a resubscribing executor sent again, to acknowledge on its new event stream. */
    private List<TaskStatus> pendingAcknowledgements = List.of();

    /** @param info with {@code framework_id} set */
    CustomExecutor(ExecutorContext context, FrameworkInfo framework, ExecutorInfo info, Sandbox sandbox,
            ContainerID containerId, RunCheckpoint checkpoint, Consumer<ExecutorRun> changed) {
        super(context, framework, info, sandbox, containerId, checkpoint, changed);
    }

    @Override
    CommandInfo command() {
        return info.getCommand();
    }

    @Override
    List<String> argv() throws LaunchException {
        return CommandLine.argv(command());
    }

    @Override
    Map<String, String> environment() throws LaunchException {
        return ExecutorEnvironment.forExecutor(context.settings(), context.agent().get().getId(), framework, info,
                sandbox, shutdownGracePeriod());
    }

    @Override
    void run(TaskEntry task) {
        tasks.put(task.id(), task);
        resourcesChanged();
        if (state == ExecutorState.RUNNING && connection != null) {
            deliver(task);
        }
    }

    /** The executor gets the group in one {@code LAUNCH_GROUP} event: at once if subscribed, else when it is. */
    @Override
    public void runGroup(List<TaskEntry> group) {
        group.forEach(task -> tasks.put(task.id(), task));
        resourcesChanged();
        if (state == ExecutorState.RUNNING && connection != null) {
            deliverGroup(group);
        }
    }

    @Override
    void launched() {
        awaitSubscription(context.settings().registrationTimeout(),
                TaskStatus.Reason.REASON_EXECUTOR_REGISTRATION_TIMEOUT, "register");
    }

    /**
     * The executor outlived an agent restart: as Mesos's agent, this one waits {@code
     * --executor_reregistration_timeout} for it to subscribe again, then kills it.
     */
    @Override
    void resumed() {
        awaitSubscription(context.settings().reregistrationTimeout(),
                TaskStatus.Reason.REASON_EXECUTOR_REREGISTRATION_TIMEOUT, "reregister");
    }

    private void awaitSubscription(Duration timeout, TaskStatus.Reason reason, String verb) {
        state = ExecutorState.REGISTERING;
        registrationTimer = context.actor().schedule(timeout, () -> {
            if (state == ExecutorState.REGISTERING) {
                LOG.log(System.Logger.Level.WARNING, "Killing executor {0} of framework {1}: it did not subscribe"
                        + " within {2}", id().getValue(), frameworkId().getValue(), StoutDuration.format(timeout));
                pendingTermination = Optional.of(new Termination(TaskState.TASK_FAILED, reason,
                        "Executor did not " + verb + " within " + StoutDuration.format(timeout)));
                state = ExecutorState.TERMINATING;
                signal(Container::kill);
            }
        });
    }

    /**
     * A subscription's updates the executor holds unacknowledged (it resubscribes after losing its connection or
     * after an agent restart): taken as if sent now, duplicates of updates taken before dropped, and acknowledged
     * on the new event stream once it opens.
     */
    void resubscribing(List<TaskStatus> unacknowledged) {
        for (TaskStatus status : unacknowledged) {
            report(filled(status));
        }
        pendingAcknowledgements = List.copyOf(unacknowledged);
    }

    /** The executor subscribed on {@code subscription}; a previous subscription is closed. */
    void subscribe(ExecutorConnection subscription) {
        switch (state) {
            case REGISTERING, RUNNING, TERMINATING -> {
                registrationTimer.cancel();
                if (connection != null) {
                    connection.close();
                }
                connection = subscription;
                subscription.send(ExecutorEvents.subscribed(info, framework, context.agent().get(), containerId));
                pendingAcknowledgements.forEach(status -> subscription.send(
                        ExecutorEvents.acknowledged(status.getTaskId(), status.getUuid())));
                pendingAcknowledgements = List.of();
                subscription.startHeartbeats(context.actor(), context.settings().heartbeatInterval());
                subscription.closed().thenRun(() -> context.actor().run(() -> disconnected(subscription)));
                if (state == ExecutorState.TERMINATING) {
                    subscription.send(ExecutorEvents.shutdown());
                } else {
                    state = ExecutorState.RUNNING;
                    deliverPending();
                }
            }
            case LAUNCHING, TERMINATED -> {
                subscription.send(ExecutorEvents.error("Executor " + id().getValue() + " is not running"));
                subscription.close();
            }
        }
    }

    private void disconnected(ExecutorConnection subscription) {
        if (connection == subscription) {
            connection = null;
            LOG.log(System.Logger.Level.INFO, "Executor {0} of framework {1} closed its subscription",
                    id().getValue(), frameworkId().getValue());
        }
    }

    private void deliver(TaskEntry task) {
        task.delivered();
        connection.send(ExecutorEvents.launch(task.info()));
    }

    private void deliverGroup(List<TaskEntry> group) {
        group.forEach(TaskEntry::delivered);
        connection.send(ExecutorEvents.launchGroup(group.stream().map(TaskEntry::info).toList()));
    }

    /** Delivers the tasks queued before the executor subscribed: tasks of a group together, as they came. */
    private void deliverPending() {
        List<TaskEntry> pending = tasks.values().stream().filter(task -> !task.isDelivered() && !task.isTerminal())
                .toList();
        for (TaskEntry task : pending) {
            if (task.group().isEmpty()) {
                deliver(task);
            } else if (!task.isDelivered()) {
                deliverGroup(pending.stream().filter(other -> other.group().equals(task.group())).toList());
            }
        }
    }

    /** Whether the executor may send calls other than SUBSCRIBE (Mesos answers 403 before it subscribed). */
    boolean isSubscribed() {
        return switch (state) {
            case LAUNCHING, REGISTERING -> false;
            case RUNNING, TERMINATING, TERMINATED -> true;
        };
    }

    /**
     * A status update from the executor: taken, then acknowledged on its event stream. As in Mesos, the executor
     * hears {@code ACKNOWLEDGED} once the agent has taken the update, not when the framework acknowledges it: from
     * then on the agent's status update manager is responsible for delivering it.
     */
    void update(TaskStatus status) {
        report(filled(status));
        if (connection != null) {
            connection.send(ExecutorEvents.acknowledged(status.getTaskId(), status.getUuid()));
        }
    }

    private TaskStatus filled(TaskStatus status) {
        TaskStatus.Builder filled = status.toBuilder().setAgentId(context.agent().get().getId()).setExecutorId(id());
        if (!status.hasTimestamp()) {
            filled.setTimestamp(TaskStatuses.now());
        }
        return filled.build();
    }

    /** A message from the executor for its framework. */
    void message(ByteString data) {
        context.master().accept(new AgentCall.ExecutorMessage(context.agent().get().getId(), frameworkId(),
                Event.Message.newBuilder().setAgentId(context.agent().get().getId()).setExecutorId(id())
                        .setData(data).build()));
    }

    /** A message from the framework for the executor; dropped (as Mesos may) when it is not subscribed. */
    void frameworkMessage(ByteString data) {
        if (connection == null) {
            LOG.log(System.Logger.Level.WARNING, "Dropping a message for executor {0} of framework {1}: it is not"
                    + " subscribed", id().getValue(), frameworkId().getValue());
            return;
        }
        connection.send(ExecutorEvents.message(data));
    }

    @Override
    void kill(TaskID taskId, Optional<KillPolicy> policy) {
        TaskEntry task = tasks.get(taskId);
        if (task == null || task.isTerminal()) {
            return;
        }
        if (!task.isDelivered()) {
            killQueued(task);
            if (!hasUnfinishedTasks() && state != ExecutorState.RUNNING) {
                shutdown(); // it was started for nothing
            }
        } else if (connection != null) {
            connection.send(ExecutorEvents.kill(taskId, policy));
        } else {
            LOG.log(System.Logger.Level.WARNING, "Cannot kill task {0} now: executor {1} is not subscribed",
                    taskId.getValue(), id().getValue());
        }
    }

    @Override
    void shutdown() {
        switch (state) {
            case LAUNCHING -> state = ExecutorState.TERMINATING;
            case REGISTERING -> {
                state = ExecutorState.TERMINATING;
                signal(Container::kill);
            }
            case RUNNING -> {
                state = ExecutorState.TERMINATING;
                if (connection != null) {
                    connection.send(ExecutorEvents.shutdown());
                }
                shutdownTimer = context.actor().schedule(shutdownGracePeriod(), () -> signal(Container::kill));
            }
            case TERMINATING, TERMINATED -> { }
        }
    }

    /** A framework's executor runs unsupervised: it reconnects itself after an agent restart, or is killed. */
    @Override
    Optional<Path> supervision() {
        return Optional.empty();
    }

    @Override
    Optional<Termination> pendingTermination() {
        return pendingTermination;
    }

    @Override
    void exitedWith(ExitStatus status) {
        registrationTimer.cancel();
        shutdownTimer.cancel();
    }

    @Override
    void terminated(Optional<ExitStatus> status) {
        registrationTimer.cancel();
        if (connection != null) {
            connection.close();
            connection = null;
        }
        reportExited(status);
    }
}
