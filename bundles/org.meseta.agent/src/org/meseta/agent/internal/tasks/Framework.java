package org.meseta.agent.internal.tasks;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskID;

/**
 * A framework as this agent knows it: its newest info, its executor runs, and a bounded list of those that ended
 * (150, as Mesos keeps). Confined to the agent's actor thread.
 */
final class Framework {

    private static final int MAX_COMPLETED_EXECUTORS = 150;

    private FrameworkInfo info;
    private final Map<ExecutorID, ExecutorRun> executors = new LinkedHashMap<>();
    private final Deque<ExecutorRun> completed = new ArrayDeque<>();
    private boolean terminating;

    Framework(FrameworkInfo info) {
        this.info = info;
    }

    FrameworkID id() {
        return info.getId();
    }

    FrameworkInfo info() {
        return info;
    }

    /** A newer info from the master, e.g. after the framework failed over. */
    void update(FrameworkInfo newer) {
        info = newer;
    }

    boolean isPartitionAware() {
        return info.getCapabilitiesList().stream()
                .anyMatch(capability -> capability.getType() == FrameworkInfo.Capability.Type.PARTITION_AWARE);
    }

    /** The framework is being shut down: it gets no new tasks. */
    void terminating() {
        terminating = true;
    }

    boolean isTerminating() {
        return terminating;
    }

    void add(ExecutorRun executor) {
        executors.put(executor.id(), executor);
    }

    Optional<ExecutorRun> executor(ExecutorID id) {
        return Optional.ofNullable(executors.get(id));
    }

    /**
     * The run holding the task, if the task is live on this agent. A command task's executor has the task's id
     * (as in Mesos), which finds most tasks without looking through every run.
     */
    Optional<ExecutorRun> executorOf(TaskID taskId) {
        ExecutorRun own = executors.get(ExecutorID.newBuilder().setValue(taskId.getValue()).build());
        if (own != null && own.owns(taskId)) {
            return Optional.of(own);
        }
        return executors.values().stream().filter(executor -> executor.owns(taskId)).findFirst();
    }

    Collection<ExecutorRun> executors() {
        return executors.values();
    }

    Collection<ExecutorRun> completedExecutors() {
        return completed;
    }

    /**
     * Moves {@code run} to the completed list if it is done and still this framework's; returns what fell off the
     * list's end, whose sandbox is no longer shown.
     */
    Optional<ExecutorRun> reap(ExecutorRun run) {
        if (!run.isDone() || executors.get(run.id()) != run) {
            return Optional.empty();
        }
        executors.remove(run.id());
        run.removeCheckpoint();
        completed.addLast(run);
        return completed.size() > MAX_COMPLETED_EXECUTORS ? Optional.of(completed.removeFirst()) : Optional.empty();
    }

    boolean hasExecutors() {
        return !executors.isEmpty();
    }
}
