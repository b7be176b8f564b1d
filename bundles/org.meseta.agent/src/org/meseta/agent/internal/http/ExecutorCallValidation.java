package org.meseta.agent.internal.http;

import java.util.Optional;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;

/**
 * The checks Mesos makes on a v1 executor call before looking at the agent's state: the type and the message that
 * goes with it, and for an update a 16-byte uuid, the calling executor's own id, {@code SOURCE_EXECUTOR} and a
 * state other than {@code TASK_STAGING}. The ids themselves are required fields, checked when parsing. Pure.
 */
final class ExecutorCallValidation {

    private static final int UUID_BYTES = 16;

    private ExecutorCallValidation() {}

    /** The reason the call is invalid, if it is. */
    static Optional<String> problem(Call call) {
        if (!call.hasType()) {
            return Optional.of("Expecting 'type' to be present");
        }
        return switch (call.getType()) {
            case SUBSCRIBE -> call.hasSubscribe() ? Optional.empty()
                    : Optional.of("Expecting 'subscribe' to be present");
            case UPDATE -> call.hasUpdate() ? updateProblem(call)
                    : Optional.of("Expecting 'update' to be present");
            case MESSAGE -> call.hasMessage() ? Optional.empty()
                    : Optional.of("Expecting 'message' to be present");
            case HEARTBEAT, UNKNOWN -> Optional.empty();
        };
    }

    private static Optional<String> updateProblem(Call call) {
        TaskStatus status = call.getUpdate().getStatus();
        String executor = call.getExecutorId().getValue();
        String framework = call.getFrameworkId().getValue();
        if (!status.hasUuid()) {
            return Optional.of("Expecting 'uuid' to be present");
        }
        if (status.getUuid().size() != UUID_BYTES) {
            return Optional.of("Invalid 'uuid': expected " + UUID_BYTES + " bytes, got " + status.getUuid().size());
        }
        if (status.hasExecutorId() && !status.getExecutorId().getValue().equals(executor)) {
            return Optional.of("ExecutorID in Call: " + executor + " does not match ExecutorID in TaskStatus: "
                    + status.getExecutorId().getValue());
        }
        if (status.getSource() != TaskStatus.Source.SOURCE_EXECUTOR) {
            return Optional.of("Received Call from executor " + executor + " of framework " + framework
                    + " with invalid source, expecting 'SOURCE_EXECUTOR'");
        }
        if (status.getState() == TaskState.TASK_STAGING) {
            return Optional.of("Received TASK_STAGING from executor " + executor + " of framework " + framework
                    + " which is not allowed");
        }
        return Optional.empty();
    }
}
