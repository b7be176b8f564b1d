package org.meseta.agent.internal.tasks;

import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * Why an executor run ended, as its unfinished tasks' final update says it.
 *
 * @param state the tasks' final state
 * @param reason the update's reason
 * @param message the update's message
 */
record Termination(TaskState state, TaskStatus.Reason reason, String message) {

    /** The process ended on its own (or for a reason nobody recorded), as Mesos words it. */
    static final Termination EXECUTOR_TERMINATED = new Termination(TaskState.TASK_FAILED,
            TaskStatus.Reason.REASON_EXECUTOR_TERMINATED, "Executor terminated");

    /** The container could not be set up (URIs fetched, user switched) or started; worded as Mesos words it. */
    static Termination launchFailed(String message) {
        return new Termination(TaskState.TASK_FAILED, TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED,
                "Failed to launch container: " + message);
    }
}
