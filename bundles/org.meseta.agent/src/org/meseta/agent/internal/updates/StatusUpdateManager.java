package org.meseta.agent.internal.updates;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.agent.internal.updates.StatusUpdateStream.Received;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.daemon.Actor;

/**
 * Delivers every task's status updates to the master reliably and in order, as Mesos's task status update manager
 * does: one {@link StatusUpdateStream} per task; only a stream's head is forwarded (as {@link AgentCall.Update} with
 * the task's latest state), again after {@link RetryIntervals#min()} and then twice as long each time (up to
 * {@link RetryIntervals#max()}) until the framework's acknowledgement arrives, whereupon the next update goes out at
 * once. While the agent has no link to the master the manager is paused: nothing is sent, and {@link #resume()}
 * sends every head again.
 *
 * <p>Confined to the agent's actor thread (retries are the actor's timers). Sending fails silently: a lost update is
 * simply sent again at the next retry.
 */
public final class StatusUpdateManager {

    private static final System.Logger LOG = System.getLogger(StatusUpdateManager.class.getName());

    /** Told, on the actor thread, that the framework acknowledged {@code status}. */
    @FunctionalInterface
    public interface AcknowledgementListener {
        void acknowledged(FrameworkID frameworkId, TaskStatus status);
    }

    private record StreamKey(FrameworkID frameworkId, TaskID taskId) {}

    private final Actor actor;
    private final RetryIntervals intervals;
    private final Consumer<AgentCall> master;
    private final AcknowledgementListener listener;
    private final UpdateJournal journal;
    private final Map<StreamKey, StatusUpdateStream> streams = new HashMap<>();
    private boolean paused = true;

    /**
     * @param master sends a call to the master (fire and forget)
     * @param listener learns of each acknowledged update, after it left its stream
     * @param journal records each update taken and each acknowledgement before the manager acts on it
     */
    public StatusUpdateManager(Actor actor, RetryIntervals intervals, Consumer<AgentCall> master,
            AcknowledgementListener listener, UpdateJournal journal) {
        this.actor = actor;
        this.intervals = intervals;
        this.master = master;
        this.listener = listener;
        this.journal = journal;
    }

    /**
     * Puts back a task's stream as a previous run of the agent left it: {@code taken} are the updates it took, in
     * order, {@code acknowledged} the uuids the framework acknowledged. Nothing is sent (the manager is paused until
     * the agent registers); the journal is not told, as it holds all this already.
     */
    public void recover(FrameworkID frameworkId, List<TaskStatus> taken, List<ByteString> acknowledged) {
        if (taken.isEmpty()) {
            return;
        }
        StreamKey key = new StreamKey(frameworkId, taken.get(0).getTaskId());
        StatusUpdateStream stream = streams.computeIfAbsent(key, k -> new StatusUpdateStream(frameworkId));
        taken.forEach(stream::add);
        acknowledged.forEach(stream::acknowledge);
        if (stream.isDone()) {
            streams.remove(key);
        }
    }

    /**
     * Takes an update (with {@code uuid}, {@code agent_id} and {@code task_id} set) into its task's stream.
     *
     * @return false if it was dropped: a duplicate of one received before, or an update after the terminal one
     */
    public boolean update(FrameworkID frameworkId, TaskStatus status) {
        StreamKey key = new StreamKey(frameworkId, status.getTaskId());
        StatusUpdateStream stream = streams.computeIfAbsent(key, k -> new StatusUpdateStream(frameworkId));
        Received received = stream.add(status);
        switch (received) {
            case ACCEPTED -> {
                journal.taken(frameworkId, status);
                if (stream.head().orElseThrow() == status) {
                    forwardHead(stream, intervals.min());
                }
                return true;
            }
            case DUPLICATE -> LOG.log(System.Logger.Level.DEBUG, "Ignoring duplicate {0} of task {1}",
                    status.getState(), status.getTaskId().getValue());
            case AFTER_TERMINAL -> LOG.log(System.Logger.Level.WARNING, "Ignoring {0} of task {1} of framework {2}:"
                    + " the task already ended as {3}", status.getState(), status.getTaskId().getValue(),
                    frameworkId.getValue(), stream.latestState());
        }
        return false;
    }

    /** The framework acknowledged the update {@code uuid} of a task: if it is the head, the next one goes out. */
    public void acknowledge(FrameworkID frameworkId, TaskID taskId, ByteString uuid) {
        StreamKey key = new StreamKey(frameworkId, taskId);
        StatusUpdateStream stream = streams.get(key);
        Optional<TaskStatus> acknowledged = stream == null ? Optional.empty() : stream.acknowledge(uuid);
        if (acknowledged.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring acknowledgement {0} for task {1} of framework {2}: {3}",
                    HexFormat.of().formatHex(uuid.toByteArray()), taskId.getValue(), frameworkId.getValue(),
                    stream == null ? "no update of this task is pending" : "it is not the oldest pending update");
            return;
        }
        journal.acknowledged(frameworkId, taskId, uuid);
        stream.retry.cancel();
        if (stream.isDone()) {
            streams.remove(key);
        } else if (stream.head().isPresent()) {
            forwardHead(stream, intervals.min());
        }
        listener.acknowledged(frameworkId, acknowledged.get());
    }

    /** The framework is shut down on this agent: its pending updates are dropped, as nobody will acknowledge them. */
    public void cleanup(FrameworkID frameworkId) {
        streams.entrySet().removeIf(entry -> {
            boolean its = entry.getKey().frameworkId().equals(frameworkId);
            if (its) {
                entry.getValue().retry.cancel();
            }
            return its;
        });
    }

    /** The oldest unacknowledged update of a task, if any. */
    public Optional<TaskStatus> head(FrameworkID frameworkId, TaskID taskId) {
        return Optional.ofNullable(streams.get(new StreamKey(frameworkId, taskId))).flatMap(StatusUpdateStream::head);
    }

    /** The link to the master is down: stop sending until {@link #resume()}. */
    public void pause() {
        paused = true;
        streams.values().forEach(stream -> stream.retry.cancel());
    }

    /** The link to the master is up (again): send every stream's head at once. */
    public void resume() {
        paused = false;
        for (StatusUpdateStream stream : streams.values()) {
            stream.retry.cancel();
            if (stream.head().isPresent()) {
                forwardHead(stream, intervals.min());
            }
        }
    }

    private void forwardHead(StatusUpdateStream stream, Duration wait) {
        if (paused) {
            return;
        }
        TaskStatus head = stream.head().orElseThrow();
        master.accept(new AgentCall.Update(head.getAgentId(), stream.frameworkId,
                Event.Update.newBuilder().setStatus(head).build(), stream.latestState()));
        stream.interval = wait;
        stream.retry = actor.schedule(wait, () -> {
            if (stream.head().orElse(null) == head) {
                LOG.log(System.Logger.Level.DEBUG, "Resending unacknowledged {0} of task {1}", head.getState(),
                        head.getTaskId().getValue());
                forwardHead(stream, intervals.next(stream.interval));
            }
        });
    }
}
