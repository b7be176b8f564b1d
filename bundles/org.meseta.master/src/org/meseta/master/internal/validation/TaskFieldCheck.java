package org.meseta.master.internal.validation;

import java.util.Optional;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.api.tasks.HealthChecks;

/**
 * Mesos's checks of a task's own fields ({@code task::internal::validateTask}), which a task passes whether it is
 * launched alone or in a group, before its executor is looked at: its id, that no live task of the framework has it,
 * its agent, its kill policy, its health check and its resources. A pure function of its inputs.
 */
final class TaskFieldCheck {

    private TaskFieldCheck() {}

    /**
     * What the checks found.
     *
     * @param resources the task's resources as taken from the offers (post-refinement, with allocation_info), when
     *     it passed
     * @param problem why the task is invalid, as Mesos words it
     */
    record Result(Resources resources, Optional<String> problem) {

        static Result invalid(String problem) {
            return new Result(Resources.empty(), Optional.of(problem));
        }
    }

    static Result check(TaskInfo task, LaunchCheck.Context context) {
        Optional<String> idProblem = Ids.problem(task.getTaskId().getValue());
        if (idProblem.isPresent()) {
            return Result.invalid(idProblem.get());
        }
        if (context.taskIds().contains(task.getTaskId().getValue())) {
            return Result.invalid("Task has duplicate ID: " + task.getTaskId().getValue());
        }
        if (!task.getAgentId().equals(context.agent())) {
            return Result.invalid("Task uses invalid agent " + task.getAgentId().getValue() + " while agent "
                    + context.agent().getValue() + " is expected");
        }
        if (task.getKillPolicy().getGracePeriod().getNanoseconds() < 0) {
            return Result.invalid("Task's 'kill_policy.grace_period' must be non-negative");
        }
        if (task.hasHealthCheck()) {
            Optional<String> problem = HealthChecks.problem(task.getHealthCheck());
            if (problem.isPresent()) {
                return Result.invalid("Task uses invalid health check: " + problem.get());
            }
        }
        Resources resources;
        try {
            resources = OfferedResources.of(task.getResourcesList(), context.offerRole());
        } catch (ResourceParseException e) {
            return Result.invalid("Task uses invalid resources: " + e.getMessage());
        }
        if (resources.isEmpty()) {
            return Result.invalid("Task uses no resources");
        }
        return new Result(resources, Optional.empty());
    }
}
