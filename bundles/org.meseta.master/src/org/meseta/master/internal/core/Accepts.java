package org.meseta.master.internal.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Offer.Operation;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.api.resources.Resources;
import org.meseta.master.internal.frameworks.Framework;
import org.meseta.master.internal.validation.LaunchCheck;

/**
 * ACCEPT: takes the offers, applies the operations in order against what they hold, and gives back what is left
 * with the call's filter. Each task that cannot launch gets a status update from the master saying why:
 * TASK_ERROR for an invalid task, TASK_LOST (TASK_DROPPED for partition-aware frameworks) when the offers were
 * invalid. Runs on the master's actor thread.
 */
final class Accepts {

    private static final System.Logger LOG = System.getLogger(Accepts.class.getName());

    private final Cluster cluster;
    private final OfferLifecycle offers;
    private final TaskLifecycle tasks;

    Accepts(Cluster cluster, OfferLifecycle offers, TaskLifecycle tasks) {
        this.cluster = cluster;
        this.offers = offers;
        this.tasks = tasks;
    }

    void accept(Framework framework, Call.Accept accept) {
        Instant now = cluster.now();
        OfferLifecycle.Result result = offers.take(framework, accept.getOfferIdsList());
        if (result instanceof OfferLifecycle.Result.Unusable unusable) {
            TaskState state = framework.isPartitionAware() ? TaskState.TASK_DROPPED : TaskState.TASK_LOST;
            for (TaskInfo task : tasksOf(accept.getOperationsList())) {
                framework.send(Events.update(TaskStates.fromMaster(task.getTaskId(), task.getAgentId(), state,
                        unusable.reason(), unusable.message(), now).build()));
            }
            return;
        }
        OfferLifecycle.Taken taken = (OfferLifecycle.Taken) result;
        Resources available = taken.resources();
        for (Operation operation : accept.getOperationsList()) {
            available = apply(framework, taken, operation, available, now);
        }
        offers.returnUnused(framework, taken, available, accept.getFilters());
    }

    /** Applies one operation; returns what the offers still hold afterwards. */
    private Resources apply(Framework framework, OfferLifecycle.Taken taken, Operation operation,
            Resources available, Instant now) {
        switch (operation.getType()) {
            case LAUNCH -> {
                if (operation.hasId()) {
                    operation.getLaunch().getTaskInfosList().forEach(task -> error(framework, task,
                            "The `id` field cannot be set on LAUNCH operations", now));
                    return available;
                }
                Resources left = available;
                for (TaskInfo task : operation.getLaunch().getTaskInfosList()) {
                    left = launch(framework, taken, task, left, now);
                }
                return left;
            }
            case LAUNCH_GROUP -> {
                for (TaskInfo task : operation.getLaunchGroup().getTaskGroup().getTasksList()) {
                    error(framework, task, "LAUNCH_GROUP is not supported by this Meseta master yet", now);
                }
                return available;
            }
            case RESERVE, UNRESERVE, CREATE, DESTROY, GROW_VOLUME, SHRINK_VOLUME, CREATE_DISK, DESTROY_DISK,
                    UNKNOWN -> {
                LOG.log(System.Logger.Level.WARNING, "Framework {0} asked for a {1} operation, which this Meseta"
                        + " master does not support yet; it is ignored", framework.id().getValue(),
                        operation.getType());
                return available;
            }
        }
        throw new IllegalStateException("Unhandled operation type " + operation.getType());
    }

    /** Launches one task if it is valid; a task's new executor is recorded, so later tasks find it running. */
    private Resources launch(Framework framework, OfferLifecycle.Taken taken, TaskInfo task, Resources available,
            Instant now) {
        Optional<ExecutorInfo> running = task.hasExecutor()
                ? framework.executors(taken.agent().id()).stream()
                        .filter(executor -> executor.getExecutorId().equals(task.getExecutor().getExecutorId()))
                        .findFirst()
                : Optional.empty();
        Set<String> taskIds = new HashSet<>();
        framework.tasks().forEach(known -> taskIds.add(known.getTaskId().getValue()));
        LaunchCheck.Context context = new LaunchCheck.Context(framework.id(), taken.agent().id(), available,
                taken.role(), taskIds, running);
        return switch (LaunchCheck.check(task, context)) {
            case LaunchCheck.Outcome.Invalid invalid -> {
                error(framework, task, invalid.message(), now);
                yield available;
            }
            case LaunchCheck.Outcome.Valid valid -> {
                tasks.launch(framework, taken.agent(), task, valid.taskResources(), valid.newExecutor());
                yield available.minus(valid.consumed());
            }
        };
    }

    private static void error(Framework framework, TaskInfo task, String message, Instant now) {
        framework.send(Events.update(TaskStates.fromMaster(task.getTaskId(), task.getAgentId(),
                TaskState.TASK_ERROR, TaskStatus.Reason.REASON_TASK_INVALID, message, now).build()));
    }

    private static List<TaskInfo> tasksOf(List<Operation> operations) {
        List<TaskInfo> launched = new ArrayList<>();
        for (Operation operation : operations) {
            switch (operation.getType()) {
                case LAUNCH -> launched.addAll(operation.getLaunch().getTaskInfosList());
                case LAUNCH_GROUP -> launched.addAll(operation.getLaunchGroup().getTaskGroup().getTasksList());
                case RESERVE, UNRESERVE, CREATE, DESTROY, GROW_VOLUME, SHRINK_VOLUME, CREATE_DISK, DESTROY_DISK,
                        UNKNOWN -> { }
            }
        }
        return launched;
    }
}
