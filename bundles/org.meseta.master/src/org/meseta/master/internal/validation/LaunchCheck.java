package org.meseta.master.internal.validation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.api.tasks.HealthChecks;

/**
 * Validates one task of a LAUNCH against what its offers still hold, as Mesos's task validation does, and works
 * out what it consumes. A pure function of its inputs.
 *
 * <p>Resources a framework sends without {@code allocation_info} are taken in the role of the offers (frameworks
 * without MULTI_ROLE never send it), and compared with the offers in the post-refinement format.
 */
public final class LaunchCheck {

    private LaunchCheck() {}

    /** What the master knows that decides whether a task may launch. */
    public record Context(FrameworkID framework, AgentID agent, Resources available, String offerRole,
            Set<String> taskIds, Optional<ExecutorInfo> runningExecutor) {}

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
        Optional<String> idProblem = Ids.problem(task.getTaskId().getValue());
        if (idProblem.isPresent()) {
            return invalid("Task ID '" + task.getTaskId().getValue() + "' is invalid: " + idProblem.get());
        }
        if (context.taskIds().contains(task.getTaskId().getValue())) {
            return invalid("Task has duplicate ID: " + task.getTaskId().getValue());
        }
        if (!task.getAgentId().equals(context.agent())) {
            return invalid("Task uses invalid agent " + task.getAgentId().getValue() + " while agent "
                    + context.agent().getValue() + " is expected");
        }
        Optional<String> killOrHealthProblem = killOrHealthProblem(task);
        if (killOrHealthProblem.isPresent()) {
            return invalid(killOrHealthProblem.get());
        }
        if (task.hasExecutor() == task.hasCommand()) {
            return invalid("Task should have at least one (but not both) of CommandInfo or ExecutorInfo present");
        }
        Resources taskResources;
        Resources executorResources = Resources.empty();
        try {
            taskResources = allocated(task.getResourcesList(), context);
            if (task.hasExecutor()) {
                executorResources = allocated(task.getExecutor().getResourcesList(), context);
            }
        } catch (ResourceParseException e) {
            return invalid("Task uses invalid resources: " + e.getMessage());
        }
        if (taskResources.isEmpty()) {
            return invalid("Task uses no resources");
        }
        Optional<ExecutorInfo> newExecutor = Optional.empty();
        if (task.hasExecutor()) {
            Optional<String> problem = executorProblem(task.getExecutor(), context);
            if (problem.isPresent()) {
                return invalid(problem.get());
            }
            if (context.runningExecutor().isEmpty()) {
                newExecutor = Optional.of(task.getExecutor());
            }
        }
        Resources consumed = newExecutor.isPresent() ? taskResources.plus(executorResources) : taskResources;
        if (!context.available().contains(consumed)) {
            return invalid("Total resources " + consumed + " required by task and its executor is more than available "
                    + context.available());
        }
        return new Outcome.Valid(taskResources, newExecutor, consumed);
    }

    /** A negative kill grace period, or an invalid health check, as Mesos words them. */
    private static Optional<String> killOrHealthProblem(TaskInfo task) {
        if (task.getKillPolicy().getGracePeriod().getNanoseconds() < 0) {
            return Optional.of("Task's 'kill_policy.grace_period' must be non-negative");
        }
        if (task.hasHealthCheck()) {
            return HealthChecks.problem(task.getHealthCheck()).map(problem -> "Task uses invalid health check: "
                    + problem);
        }
        return Optional.empty();
    }

    private static Optional<String> executorProblem(ExecutorInfo executor, Context context) {
        Optional<String> idProblem = Ids.problem(executor.getExecutorId().getValue());
        if (idProblem.isPresent()) {
            return Optional.of("Executor ID '" + executor.getExecutorId().getValue() + "' is invalid: "
                    + idProblem.get());
        }
        if (executor.hasFrameworkId() && !executor.getFrameworkId().equals(context.framework())) {
            return Optional.of("ExecutorInfo has an invalid FrameworkID (Actual: "
                    + executor.getFrameworkId().getValue() + " vs Expected: " + context.framework().getValue() + ")");
        }
        if (executor.hasType() && executor.getType() != ExecutorInfo.Type.CUSTOM) {
            return Optional.of("'ExecutorInfo.type' must be 'CUSTOM'");
        }
        if (!executor.hasCommand()) {
            return Optional.of("'ExecutorInfo.command' must be set");
        }
        if (context.runningExecutor().isPresent() && !sameExecutor(context.runningExecutor().get(), executor,
                context.framework())) {
            return Optional.of("ExecutorInfo is not compatible with existing ExecutorInfo with same ExecutorID");
        }
        return Optional.empty();
    }

    private static boolean sameExecutor(ExecutorInfo running, ExecutorInfo wanted, FrameworkID framework) {
        ExecutorInfo normalized = wanted.toBuilder().setFrameworkId(framework).clearResources()
                .addAllResources(running.getResourcesList()).build();
        return running.toBuilder().setFrameworkId(framework).build().equals(normalized);
    }

    private static Resources allocated(List<Resource> resources, Context context) throws ResourceParseException {
        return OfferedResources.of(resources, context.offerRole());
    }

    private static Outcome invalid(String message) {
        return new Outcome.Invalid(message);
    }
}
