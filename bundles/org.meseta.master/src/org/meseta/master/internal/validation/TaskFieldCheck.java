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

    static Checked check(TaskInfo task, LaunchCheck.Context context) {
        Optional<String> idProblem = Ids.problem(task.getTaskId().getValue());
        if (idProblem.isPresent()) {
            return Checked.invalid(idProblem.get());
        }
        if (context.knownTask().test(task.getTaskId().getValue())) {
            return Checked.invalid("Task has duplicate ID: " + task.getTaskId().getValue());
        }
        if (!task.getAgentId().equals(context.agent())) {
            return Checked.invalid("Task uses invalid agent " + task.getAgentId().getValue() + " while agent "
                    + context.agent().getValue() + " is expected");
        }
        if (task.getKillPolicy().getGracePeriod().getNanoseconds() < 0) {
            return Checked.invalid("Task's 'kill_policy.grace_period' must be non-negative");
        }
        if (task.hasHealthCheck()) {
            Optional<String> problem = HealthChecks.problem(task.getHealthCheck());
            if (problem.isPresent()) {
                return Checked.invalid("Task uses invalid health check: " + problem.get());
            }
        }
        Resources resources;
        try {
            resources = OfferedResources.of(task.getResourcesList(), context.offerRole());
        } catch (ResourceParseException e) {
            return Checked.invalid("Task uses invalid resources: " + e.getMessage());
        }
        if (resources.isEmpty()) {
            return Checked.invalid("Task uses no resources");
        }
        return Checked.valid(resources);
    }
}
