package org.meseta.agent.internal.updates;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.agent.internal.tasks.TaskStates;
import org.meseta.daemon.Actor;

/**
 * The status updates of one task, oldest first, that the framework has not acknowledged yet. Only the oldest (the
 * head) is ever forwarded; the next one waits for the head's acknowledgement, so a framework sees a task's updates in
 * order. A stream ends with its terminal update: later updates are refused, and once the terminal one is
 * acknowledged the stream is done. Confined to the agent's actor thread.
 */
final class StatusUpdateStream {

    /** What became of an update offered to the stream. */
    enum Received {
        /** Queued; forwarded once it is the head. */
        ACCEPTED,
        /** An update with this uuid was received before: nothing changes. */
        DUPLICATE,
        /** The task already ended: terminal states are sticky, so the update is dropped. */
        AFTER_TERMINAL
    }

    final FrameworkID frameworkId;
    private final Deque<TaskStatus> pending = new ArrayDeque<>();
    private final Set<ByteString> received = new HashSet<>();
    private TaskState latestState;
    private boolean terminalReceived;
    /** The wait before the head is sent again; restarts at the minimum for each new head. */
    Duration interval;
    Actor.Timer retry = () -> {};

    StatusUpdateStream(FrameworkID frameworkId) {
        this.frameworkId = frameworkId;
    }

    Received add(TaskStatus status) {
        if (received.contains(status.getUuid())) {
            return Received.DUPLICATE;
        }
        if (terminalReceived) {
            return Received.AFTER_TERMINAL;
        }
        received.add(status.getUuid());
        pending.addLast(status);
        latestState = status.getState();
        terminalReceived = TaskStates.isTerminal(latestState);
        return Received.ACCEPTED;
    }

    Optional<TaskStatus> head() {
        return Optional.ofNullable(pending.peekFirst());
    }

    /** Pops the head if {@code uuid} is its uuid; returns the acknowledged update. */
    Optional<TaskStatus> acknowledge(ByteString uuid) {
        TaskStatus head = pending.peekFirst();
        if (head == null || !head.getUuid().equals(uuid)) {
            return Optional.empty();
        }
        return Optional.of(pending.removeFirst());
    }

    /** The newest state received, which may be ahead of the head's. */
    TaskState latestState() {
        return latestState;
    }

    /** Whether the terminal update has been acknowledged: nothing is left to forward, ever. */
    boolean isDone() {
        return terminalReceived && pending.isEmpty();
    }
}
