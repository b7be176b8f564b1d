package org.meseta.agent.internal.tasks;

import org.apache.mesos.v1.Protos.TaskState;

/** Facts about Mesos task states. Stateless. */
public final class TaskStates {

    private TaskStates() {}

    /** Whether a task in {@code state} has ended for good (terminal states are sticky). */
    public static boolean isTerminal(TaskState state) {
        return switch (state) {
            case TASK_STAGING, TASK_STARTING, TASK_RUNNING, TASK_KILLING, TASK_UNREACHABLE, TASK_UNKNOWN -> false;
            case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
                    TASK_GONE_BY_OPERATOR -> true;
        };
    }
}
