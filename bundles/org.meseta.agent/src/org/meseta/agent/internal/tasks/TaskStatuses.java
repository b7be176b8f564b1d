package org.meseta.agent.internal.tasks;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/** Builds the status updates the agent and its command executor generate. Stateless. */
final class TaskStatuses {

    private TaskStatuses() {}

    /** A fresh update: a new 16-byte uuid, the current time, the agent's id and the executor's, if any. */
    static TaskStatus.Builder of(TaskID taskId, TaskState state, TaskStatus.Source source, AgentID agentId,
            Optional<ExecutorID> executorId) {
        TaskStatus.Builder status = TaskStatus.newBuilder()
                .setTaskId(taskId)
                .setState(state)
                .setSource(source)
                .setAgentId(agentId)
                .setUuid(uuid())
                .setTimestamp(now());
        executorId.ifPresent(status::setExecutorId);
        return status;
    }

    /** The current time as Mesos writes it in updates: fractional seconds since the epoch. */
    static double now() {
        Instant instant = Clock.systemUTC().instant();
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    /** A random (version 4) UUID as its 16 bytes, as Mesos's {@code id::UUID::random().toBytes()}. */
    static ByteString uuid() {
        UUID uuid = UUID.randomUUID();
        return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
    }
}
