package org.meseta.master.internal.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.Offer.Operation;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.api.resources.Resources;
import org.meseta.master.internal.frameworks.Framework;
import org.meseta.master.internal.validation.LaunchCheck;
import org.meseta.master.internal.validation.TaskGroupCheck;

/**
 * ACCEPT: takes the offers, applies the operations in order against what they hold, and gives back what is left
 * with the call's filter. Each task that cannot launch gets a status update from the master saying why:
 * TASK_ERROR for an invalid task (REASON_TASK_INVALID; REASON_TASK_GROUP_INVALID for every task of an invalid
 * LAUNCH_GROUP, which launches whole or not at all), TASK_LOST (TASK_DROPPED for partition-aware frameworks) when
 * the offers were invalid. RESERVE and UNRESERVE ({@link ReservationOffers}) convert what the offers hold for the
 * operations after them; what they converted and no later operation used goes back without a filter, as in Mesos, so
 * that it is offered again in its new form. Runs on the master's actor thread.
 */
final class Accepts {

    private static final System.Logger LOG = System.getLogger(Accepts.class.getName());
    private static final Filters NO_FILTER = Filters.newBuilder().setRefuseSeconds(0).build();

    private final Cluster cluster;
    private final OfferLifecycle offers;
    private final TaskLifecycle tasks;
    private final ReservationOffers reservations;

    Accepts(Cluster cluster, OfferLifecycle offers, TaskLifecycle tasks) {
        this.cluster = cluster;
        this.offers = offers;
        this.tasks = tasks;
        this.reservations = new ReservationOffers(cluster);
    }

    /** What the taken offers hold as the operations are applied, and what of it operations converted. */
    private static final class Held {
        Resources available;
        Resources converted = Resources.empty();

        Held(Resources available) {
            this.available = available;
        }
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
        Held held = new Held(taken.resources());
        for (Operation operation : accept.getOperationsList()) {
            apply(framework, taken, operation, held, now);
        }
        Resources convertedLeft = held.converted.minus(held.converted.minus(held.available));
        offers.returnUnused(framework, taken, convertedLeft, NO_FILTER);
        offers.returnUnused(framework, taken, held.available.minus(convertedLeft), accept.getFilters());
    }

    /** Applies one operation to what the offers still hold. */
    private void apply(Framework framework, OfferLifecycle.Taken taken, Operation operation, Held held,
            Instant now) {
        switch (operation.getType()) {
            case LAUNCH -> {
                if (operation.hasId()) {
                    operation.getLaunch().getTaskInfosList().forEach(task -> error(framework, task,
                            TaskStatus.Reason.REASON_TASK_INVALID, "The `id` field cannot be set on LAUNCH operations",
                            now));
                    return;
                }
                for (TaskInfo task : operation.getLaunch().getTaskInfosList()) {
                    held.available = launch(framework, taken, task, held.available, now);
                }
            }
            case LAUNCH_GROUP -> {
                List<TaskInfo> group = operation.getLaunchGroup().getTaskGroup().getTasksList();
                if (operation.hasId()) {
                    group.forEach(task -> error(framework, task, TaskStatus.Reason.REASON_TASK_GROUP_INVALID,
                            "The `id` field cannot be set on LAUNCH_GROUP operations", now));
                    return;
                }
                held.available = launchGroup(framework, taken, operation.getLaunchGroup(), held.available, now);
            }
            case RESERVE, UNRESERVE -> reservations.apply(framework, taken, operation, held.available)
                    .ifPresent(conversion -> {
                        held.available = conversion.applyTo(held.available);
                        held.converted = held.converted.plus(conversion.converted());
                    });
            case CREATE, DESTROY, GROW_VOLUME, SHRINK_VOLUME, CREATE_DISK, DESTROY_DISK, UNKNOWN ->
                    LOG.log(System.Logger.Level.WARNING, "Framework {0} asked for a {1} operation, which this Meseta"
                            + " master does not support yet; it is ignored", framework.id().getValue(),
                            operation.getType());
        }
    }

    /** Launches one task if it is valid; a task's new executor is recorded, so later tasks find it running. */
    private Resources launch(Framework framework, OfferLifecycle.Taken taken, TaskInfo task, Resources available,
            Instant now) {
        Optional<ExecutorInfo> running = task.hasExecutor()
                ? running(framework, taken, task.getExecutor())
                : Optional.empty();
        return switch (LaunchCheck.check(task, context(framework, taken, available, running))) {
            case LaunchCheck.Outcome.Invalid invalid -> {
                error(framework, task, TaskStatus.Reason.REASON_TASK_INVALID, invalid.message(), now);
                yield available;
            }
            case LaunchCheck.Outcome.Valid valid -> {
                tasks.launch(framework, taken.agent(), task, valid.taskResources(), valid.newExecutor());
                yield available.minus(valid.consumed());
            }
        };
    }

    /**
     * Launches a task group if it is valid as a whole, else every task of it ends TASK_ERROR. As in Mesos, a task
     * that names no executor gets the group's.
     */
    private Resources launchGroup(Framework framework, OfferLifecycle.Taken taken,
            Operation.LaunchGroup launchGroup, Resources available, Instant now) {
        ExecutorInfo executor = launchGroup.getExecutor();
        TaskGroupInfo.Builder group = launchGroup.getTaskGroup().toBuilder();
        group.getTasksBuilderList().stream().filter(task -> !task.hasExecutor())
                .forEach(task -> task.setExecutor(executor));
        Optional<ExecutorInfo> running = running(framework, taken, executor);
        return switch (TaskGroupCheck.check(executor, group.build(), context(framework, taken, available, running))) {
            case TaskGroupCheck.Outcome.Invalid invalid -> {
                group.getTasksList().forEach(task -> error(framework, task,
                        TaskStatus.Reason.REASON_TASK_GROUP_INVALID, invalid.message(), now));
                yield available;
            }
            case TaskGroupCheck.Outcome.Valid valid -> {
                tasks.launchGroup(framework, taken.agent(), executor, group.build(), valid);
                yield available.minus(valid.consumed());
            }
        };
    }

    /** The executor with {@code executor}'s id the framework runs on the offers' agent, if any. */
    private static Optional<ExecutorInfo> running(Framework framework, OfferLifecycle.Taken taken,
            ExecutorInfo executor) {
        return framework.executors(taken.agent().id()).stream()
                .filter(known -> known.getExecutorId().equals(executor.getExecutorId()))
                .findFirst();
    }

    private static LaunchCheck.Context context(Framework framework, OfferLifecycle.Taken taken, Resources available,
            Optional<ExecutorInfo> running) {
        return new LaunchCheck.Context(framework.id(), taken.agent().id(), available, taken.role(),
                taskId -> framework.task(taskId).isPresent(), running);
    }

    private static void error(Framework framework, TaskInfo task, TaskStatus.Reason reason, String message,
            Instant now) {
        framework.send(Events.update(TaskStates.fromMaster(task.getTaskId(), task.getAgentId(),
                TaskState.TASK_ERROR, reason, message, now).build()));
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
