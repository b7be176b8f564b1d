package org.meseta.master.internal.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.master.internal.agents.Agents;
import org.meseta.master.internal.frameworks.Framework;

/**
 * Answers RECONCILE as Mesos does, with statuses from the master ({@code SOURCE_MASTER},
 * {@code REASON_RECONCILIATION}, no uuid, so they are not acknowledged).
 *
 * <p>Implicit reconciliation (no tasks named) reports every task the master holds for the framework, live ones and
 * terminal ones whose update is not yet acknowledged, in the state of the update it was last sent. Explicit
 * reconciliation reports each named task:
 * <table>
 * <caption>What an unknown task is reported as</caption>
 * <tr><th>the task's agent</th><th>partition-aware framework</th><th>other frameworks</th></tr>
 * <tr><td>admitted</td><td>TASK_GONE</td><td>TASK_LOST</td></tr>
 * <tr><td>unreachable</td><td>TASK_UNREACHABLE</td><td>TASK_LOST</td></tr>
 * <tr><td>marked gone</td><td>TASK_GONE_BY_OPERATOR</td><td>TASK_LOST</td></tr>
 * <tr><td>unknown, or not named</td><td>TASK_UNKNOWN</td><td>TASK_LOST</td></tr>
 * </table>
 * A named task on an agent recovered from the registry that has not re-registered yet gets no answer, as in Mesos:
 * the agent may still bring it back (the framework asks again later).
 * A pure function of its inputs.
 */
public final class Reconciliation {

    private Reconciliation() {}

    public static List<TaskStatus> reconcile(Framework framework, List<Call.Reconcile.Task> named, Agents agents,
            Instant now) {
        List<TaskStatus> statuses = new ArrayList<>();
        if (named.isEmpty()) {
            framework.tasks().forEach(task -> statuses.add(latest(task, now)));
            return statuses;
        }
        for (Call.Reconcile.Task wanted : named) {
            Optional<Task> task = framework.task(wanted.getTaskId().getValue());
            if (task.isPresent()) {
                statuses.add(latest(task.get(), now));
            } else if (!(wanted.hasAgentId() && agents.isRecovered(wanted.getAgentId()))) {
                statuses.add(unknown(framework, wanted, agents, now));
            }
        }
        return statuses;
    }

    /** The state the framework was last sent ({@code status_update_state}), as Mesos reports it. */
    private static TaskStatus latest(Task task, Instant now) {
        TaskState state = task.hasStatusUpdateState() ? task.getStatusUpdateState() : task.getState();
        TaskStatus.Builder status = TaskStates.fromMaster(task.getTaskId(), task.getAgentId(), state,
                TaskStatus.Reason.REASON_RECONCILIATION, "Reconciliation: Latest task state", now);
        if (task.hasExecutorId()) {
            status.setExecutorId(task.getExecutorId());
        }
        if (task.getStatusesCount() > 0) {
            TaskStatus last = task.getStatuses(task.getStatusesCount() - 1);
            if (last.hasHealthy()) {
                status.setHealthy(last.getHealthy());
            }
            if (last.hasLabels()) {
                status.setLabels(last.getLabels());
            }
            if (last.hasContainerStatus()) {
                status.setContainerStatus(last.getContainerStatus());
            }
            if (last.hasCheckStatus()) {
                status.setCheckStatus(last.getCheckStatus());
            }
            if (last.hasUnreachableTime()) {
                status.setUnreachableTime(last.getUnreachableTime());
            }
        }
        return status.build();
    }

    private static TaskStatus unknown(Framework framework, Call.Reconcile.Task wanted, Agents agents, Instant now) {
        boolean partitionAware = framework.isPartitionAware();
        TaskState state;
        String message;
        TimeInfo unreachableSince = null;
        if (wanted.hasAgentId() && agents.find(wanted.getAgentId()).isPresent()) {
            state = partitionAware ? TaskState.TASK_GONE : TaskState.TASK_LOST;
            message = "Reconciliation: Task is unknown to the agent";
        } else if (wanted.hasAgentId() && agents.unreachable(wanted.getAgentId()).isPresent()) {
            state = partitionAware ? TaskState.TASK_UNREACHABLE : TaskState.TASK_LOST;
            message = "Reconciliation: Task is unreachable";
            Instant since = agents.unreachable(wanted.getAgentId()).get().since();
            unreachableSince = TimeInfo.newBuilder()
                    .setNanoseconds(since.getEpochSecond() * 1_000_000_000L + since.getNano()).build();
        } else if (wanted.hasAgentId() && agents.gone(wanted.getAgentId()).isPresent()) {
            state = partitionAware ? TaskState.TASK_GONE_BY_OPERATOR : TaskState.TASK_LOST;
            message = "Reconciliation: Task is gone";
        } else {
            state = partitionAware ? TaskState.TASK_UNKNOWN : TaskState.TASK_LOST;
            message = "Reconciliation: Task is unknown";
        }
        TaskStatus.Builder status = TaskStates.fromMaster(wanted.getTaskId(),
                wanted.hasAgentId() ? wanted.getAgentId() : null, state, TaskStatus.Reason.REASON_RECONCILIATION,
                message, now);
        if (unreachableSince != null) {
            status.setUnreachableTime(unreachableSince);
        }
        return status.build();
    }
}
