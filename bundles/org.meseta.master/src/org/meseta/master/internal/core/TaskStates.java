package org.meseta.master.internal.core;

import java.time.Instant;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/** Facts about task states and the statuses the master itself generates. Stateless. */
public final class TaskStates {

    private TaskStates() {}

    /** Mesos's terminal states: a task in one never changes state again. TASK_UNREACHABLE is not one. */
    public static boolean isTerminal(TaskState state) {
        return switch (state) {
            case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
                    TASK_GONE_BY_OPERATOR -> true;
            case TASK_STAGING, TASK_STARTING, TASK_RUNNING, TASK_KILLING, TASK_UNREACHABLE, TASK_UNKNOWN -> false;
        };
    }

    /**
     * A status from the master ({@code SOURCE_MASTER}), without a uuid: such updates are not acknowledged.
     *
     * @param agent null when unknown
     */
    public static TaskStatus.Builder fromMaster(TaskID task, AgentID agent, TaskState state,
            TaskStatus.Reason reason, String message, Instant now) {
        TaskStatus.Builder status = TaskStatus.newBuilder()
                .setTaskId(task)
                .setState(state)
                .setSource(TaskStatus.Source.SOURCE_MASTER)
                .setReason(reason)
                .setMessage(message)
                .setTimestamp(seconds(now));
        if (agent != null) {
            status.setAgentId(agent);
        }
        return status;
    }

    /** Mesos's status timestamps: fractional seconds since the epoch. */
    public static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
