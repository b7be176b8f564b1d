package org.meseta.cli.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/** How {@code meseta-execute} reports task status updates, in mesos-execute's words. Stateless. */
final class StatusLines {

    private StatusLines() {}

    /**
     * {@code Received status update TASK_RUNNING for task 'x'}, then message, source, reason and health when set,
     * in that order and with those labels, as mesos-execute prints them.
     */
    static List<String> of(TaskStatus status) {
        List<String> lines = new ArrayList<>(5);
        lines.add("Received status update " + status.getState() + " for task '" + status.getTaskId().getValue()
                + "'");
        if (status.hasMessage()) {
            lines.add("  message: '" + status.getMessage() + "'");
        }
        if (status.hasSource()) {
            lines.add("  source: " + status.getSource());
        }
        if (status.hasReason()) {
            lines.add("  reason: " + status.getReason());
        }
        if (status.hasHealthy()) {
            lines.add("  healthy?: " + status.getHealthy());
        }
        return lines;
    }

    /** The line for stderr when the task ended in a state other than TASK_FINISHED. */
    static String failure(TaskStatus status) {
        return "task '" + status.getTaskId().getValue() + "' ended in " + status.getState()
                + (status.hasReason() ? " (" + status.getReason() + ")" : "")
                + (status.hasMessage() ? ": " + status.getMessage() : "");
    }

    /** Whether a task in {@code state} is done for good; Mesos's terminal states. */
    static boolean isTerminal(TaskState state) {
        return switch (state) {
            case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
                    TASK_GONE_BY_OPERATOR -> true;
            // An unreachable task may come back; an unknown one may be found again.
            case TASK_STAGING, TASK_STARTING, TASK_RUNNING, TASK_KILLING, TASK_UNREACHABLE, TASK_UNKNOWN -> false;
        };
    }
}
