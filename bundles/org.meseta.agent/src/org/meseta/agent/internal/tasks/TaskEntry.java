package org.meseta.agent.internal.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.api.tasks.Tasks;

/**
 * One task on this agent: what the framework asked for, its state (that of the newest update received for it) and
 * its statuses, one per state in the order reached. Confined to the agent's actor thread.
 */
final class TaskEntry {

    private final TaskInfo info;
    private final FrameworkID frameworkId;
    private final Optional<String> user;
    /** The ids of the tasks of its task group, its own included; empty for a task launched alone. */
    private final List<TaskID> group;
    private final List<TaskStatus> statuses = new ArrayList<>();
    private TaskState state = TaskState.TASK_STAGING;
    private boolean delivered;

    /**
     * @param user the user the task runs as, if known
     * @param group the ids of the tasks of its task group, its own included; empty for a task launched alone
     */
    TaskEntry(TaskInfo info, FrameworkID frameworkId, Optional<String> user, List<TaskID> group) {
        this.info = info;
        this.frameworkId = frameworkId;
        this.user = user;
        this.group = List.copyOf(group);
    }

    /** A task the framework {@code framework} runs as its command's user, else as the framework's, if either says. */
    static TaskEntry of(FrameworkInfo framework, TaskInfo task) {
        return inGroup(framework, task, List.of());
    }

    /** As {@link #of}, for a task of the task group whose tasks have the ids {@code group}. */
    static TaskEntry inGroup(FrameworkInfo framework, TaskInfo task, List<TaskID> group) {
        Optional<String> user = task.getCommand().hasUser() ? Optional.of(task.getCommand().getUser())
                : Optional.of(framework.getUser()).filter(name -> !name.isEmpty());
        return new TaskEntry(task, framework.getId(), user, group);
    }

    /** The entries of the tasks of {@code group}, in its order. */
    static List<TaskEntry> ofGroup(FrameworkInfo framework, TaskGroupInfo group) {
        List<TaskID> ids = group.getTasksList().stream().map(TaskInfo::getTaskId).toList();
        return group.getTasksList().stream().map(task -> inGroup(framework, task, ids)).toList();
    }

    /** The user the task runs as, if known: its command's, else its framework's. */
    Optional<String> user() {
        return user;
    }

    /** The ids of the tasks of its task group, its own included; empty for a task launched alone. */
    List<TaskID> group() {
        return group;
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
        Task.Builder task = Tasks.fromInfo(info, frameworkId, agentId, state).addAllStatuses(statuses);
        user.ifPresent(task::setUser);
        unacknowledged.ifPresent(head -> task.setStatusUpdateState(head.getState()).setStatusUpdateUuid(head.getUuid()));
        return task.build();
    }
}
