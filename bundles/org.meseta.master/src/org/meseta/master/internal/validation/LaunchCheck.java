package org.meseta.master.internal.validation;

import java.util.Optional;
import java.util.function.Predicate;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.meseta.api.resources.Resources;

/**
 * Validates one task of a LAUNCH against what its offers still hold, as Mesos's task validation does, and works
 * out what it consumes. A pure function of its inputs.
 *
 * <p>Resources a framework sends without {@code allocation_info} are taken in the role of the offers (frameworks
 * without MULTI_ROLE never send it), and compared with the offers in the post-refinement format.
 */
public final class LaunchCheck {

    private LaunchCheck() {}

    /**
     * What the master knows that decides whether a task may launch.
     *
     * @param knownTask whether the framework has a task with this id already
     */
    public record Context(FrameworkID framework, AgentID agent, Resources available, String offerRole,
            Predicate<String> knownTask, Optional<ExecutorInfo> runningExecutor) {}

    /** The outcome. */
    public sealed interface Outcome {

        /**
         * The task may launch.
         *
         * @param taskResources the task's own resources, post-refinement with allocation_info
         * @param newExecutor the executor to record, when it does not run on the agent yet
         * @param consumed what it takes from the offers: its resources, plus its executor's when new
         */
        record Valid(Resources taskResources, Optional<ExecutorInfo> newExecutor, Resources consumed)
                implements Outcome {}

        /** The task is invalid: it ends TASK_ERROR with this message. */
        record Invalid(String message) implements Outcome {}
    }

    public static Outcome check(TaskInfo task, Context context) {
        Checked fields = TaskFieldCheck.check(task, context);
        if (fields.problem().isPresent()) {
            return invalid(fields.problem().get());
        }
        if (task.hasExecutor() == task.hasCommand()) {
            return invalid("Task should have at least one (but not both) of CommandInfo or ExecutorInfo present");
        }
        Resources taskResources = fields.resources();
        Optional<ExecutorInfo> newExecutor = Optional.empty();
        Resources consumed = taskResources;
        if (task.hasExecutor()) {
            // As Mesos, the master fills in the framework a LAUNCH's executor does not name.
            ExecutorInfo executor = task.getExecutor().toBuilder().setFrameworkId(context.framework()).build();
            Checked checked = ExecutorCheck.check(executor, context);
            if (checked.problem().isPresent()) {
                return invalid(checked.problem().get());
            }
            if (executor.getType() != ExecutorInfo.Type.UNKNOWN && executor.getType() != ExecutorInfo.Type.CUSTOM) {
                return invalid("'ExecutorInfo.type' must be 'CUSTOM'");
            }
            if (!executor.hasCommand()) {
                return invalid("'ExecutorInfo.command' must be set");
            }
            if (context.runningExecutor().isEmpty()) {
                newExecutor = Optional.of(task.getExecutor());
                consumed = taskResources.plus(checked.resources());
            }
        }
        if (!context.available().contains(consumed)) {
            return invalid("Total resources " + consumed + " required by task and its executor is more than available "
                    + context.available());
        }
        return new Outcome.Valid(taskResources, newExecutor, consumed);
    }

    private static Outcome invalid(String message) {
        return new Outcome.Invalid(message);
    }
}
