package org.meseta.agent.internal.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * One task on this agent: what the framework asked for, its state (that of the newest update received for it) and
 * its statuses, one per state in the order reached. Confined to the agent's actor thread.
 */
final class TaskEntry {

    private final TaskInfo info;
    private final FrameworkID frameworkId;
    private final Optional<ExecutorID> executorId;
    private final Optional<String> user;
    private final List<TaskStatus> statuses = new ArrayList<>();
    private TaskState state = TaskState.TASK_STAGING;
    private boolean delivered;

    /**
     * @param executorId the custom executor's id; empty for a command task, which Mesos shows without one
     * @param user the user the task runs as, if known
     */
    TaskEntry(TaskInfo info, FrameworkID frameworkId, Optional<ExecutorID> executorId, Optional<String> user) {
        this.info = info;
        this.frameworkId = frameworkId;
        this.executorId = executorId;
        this.user = user;
    }

    TaskID id() {
        return info.getTaskId();
    }

    TaskInfo info() {
        return info;
    }

    /** Whether the task was given to its executor (for a command task: its process was started). */
    boolean isDelivered() {
        return delivered;
    }

    void delivered() {
        delivered = true;
    }

    TaskState state() {
        return state;
    }

    boolean isTerminal() {
        return TaskStates.isTerminal(state);
    }

    /** Records an update received for this task (the same state twice keeps only the newer status). */
    void apply(TaskStatus status) {
        state = status.getState();
        if (!statuses.isEmpty() && statuses.get(statuses.size() - 1).getState() == state) {
            statuses.remove(statuses.size() - 1);
        }
        // The payload can be large and is the framework's business; the agent's view keeps the rest.
        statuses.add(status.toBuilder().clearData().build());
    }

    /** The task as Mesos's {@code Task} message, with the oldest unacknowledged update's state and uuid, if any. */
    Task toTask(AgentID agentId, Optional<TaskStatus> unacknowledged) {
        Task.Builder task = Task.newBuilder()
                .setName(info.getName())
                .setTaskId(info.getTaskId())
                .setFrameworkId(frameworkId)
                .setAgentId(agentId)
                .setState(state)
                .addAllResources(info.getResourcesList())
                .addAllStatuses(statuses);
        executorId.ifPresent(task::setExecutorId);
        user.ifPresent(task::setUser);
        if (info.hasLabels()) {
            task.setLabels(info.getLabels());
        }
        if (info.hasDiscovery()) {
            task.setDiscovery(info.getDiscovery());
        }
        if (info.hasContainer()) {
            task.setContainer(info.getContainer());
        }
        if (info.hasHealthCheck()) {
            task.setHealthCheck(info.getHealthCheck());
        }
        if (info.hasKillPolicy()) {
            task.setKillPolicy(info.getKillPolicy());
        }
        unacknowledged.ifPresent(head -> task.setStatusUpdateState(head.getState()).setStatusUpdateUuid(head.getUuid()));
        return task.build();
    }
}
