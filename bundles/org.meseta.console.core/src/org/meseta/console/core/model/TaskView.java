package org.meseta.console.core.model;

import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;

/**
 * One task as the console knows it: the master's {@code Task} with every status update the event stream brought
 * appended to its statuses, and the fields views need most often. Immutable.
 *
 * @param key framework and task id
 * @param name the task's name
 * @param agentId the agent it was launched on
 * @param state its latest state
 * @param role the role its resources are allocated to
 * @param resources its resources (its executor's not included)
 * @param task the master's description, statuses oldest first
 */
public record TaskView(TaskKey key, String name, String agentId, TaskState state, String role, Amounts resources,
        Task task) {

    /** The view of the master's {@code task}. */
    public static TaskView of(Task task) {
        String role = task.getResourcesCount() == 0 ? ResourceRoles.ANY : ResourceRoles.of(task.getResources(0));
        for (Resource resource : task.getResourcesList()) {
            if (!ResourceRoles.ANY.equals(ResourceRoles.of(resource))) {
                role = ResourceRoles.of(resource);
                break;
            }
        }
        return new TaskView(new TaskKey(task.getFrameworkId().getValue(), task.getTaskId().getValue()), task.getName(),
                task.getAgentId().getValue(), task.getState(), role, Amounts.of(task.getResourcesList()), task);
    }

    /** Whether the task has ended for good. */
    public boolean isTerminal() {
        return isTerminal(state);
    }

    /** Whether a task in {@code state} has ended for good, as Mesos decides it. */
    public static boolean isTerminal(TaskState state) {
        return switch (state) {
            case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
                    TASK_GONE_BY_OPERATOR -> true;
            case TASK_STAGING, TASK_STARTING, TASK_RUNNING, TASK_KILLING, TASK_UNREACHABLE, TASK_UNKNOWN -> false;
        };
    }
}
