package org.meseta.master.internal.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.ContainerInfo;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.LinuxInfo;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Scalars;

/**
 * Validates a LAUNCH_GROUP against what its offers still hold, as Mesos's {@code task::group::validate} does: the
 * group stands or falls as a whole, on the first problem found. Each task is checked as any task is (a problem is
 * reported as {@code Task '<id>' is invalid: <problem>}; a task id used twice in the group counts as a duplicate),
 * then the executor: as any executor, then that its type is set, that every task names this same executor, that it
 * has at least 0.01 cpus, 32MB of memory and some disk, and that the offers hold the tasks' resources plus, when the
 * executor is new on the agent, its own. A pure function of its inputs.
 *
 * <p>The tasks must already carry the group's executor where they named none (the master fills it in before, as
 * Mesos does, so that every task of the group shows its executor).
 */
public final class TaskGroupCheck {

    private static final double MIN_CPUS = 0.01;
    private static final long MIN_MEM_BYTES = 32L << 20;
    private static final long KB = 1024;

    private TaskGroupCheck() {}

    /** The outcome. */
    public sealed interface Outcome {

        /**
         * The group may launch.
         *
         * @param taskResources each task's resources, in the group's order, post-refinement with allocation_info
         * @param executorResources the executor's resources, post-refinement with allocation_info
         * @param newExecutor whether the executor does not run on the agent yet (it is then recorded, and its
         *     resources are taken from the offers too)
         * @param consumed what the group takes from the offers
         */
        record Valid(List<Resources> taskResources, Resources executorResources, boolean newExecutor,
                Resources consumed) implements Outcome {}

        /** The group is invalid: each of its tasks ends TASK_ERROR with this message. */
        record Invalid(String message) implements Outcome {}
    }

    /**
     * Validates {@code group} and its {@code executor} against what the offers hold.
     *
     * @param context {@code runningExecutor} is the agent's executor with the group executor's id, if any
     */
    public static Outcome check(ExecutorInfo executor, TaskGroupInfo group, LaunchCheck.Context context) {
        Set<String> groupTaskIds = new HashSet<>();
        List<Resources> taskResources = new ArrayList<>();
        Resources total = Resources.empty();
        for (TaskInfo task : group.getTasksList()) {
            LaunchCheck.Context taskContext = new LaunchCheck.Context(context.framework(), context.agent(),
                    context.available(), context.offerRole(),
                    context.knownTask().or(Set.copyOf(groupTaskIds)::contains), context.runningExecutor());
            Checked checked = checkTask(task, taskContext);
            if (checked.problem().isPresent()) {
                return new Outcome.Invalid("Task '" + task.getTaskId().getValue() + "' is invalid: "
                        + checked.problem().get());
            }
            groupTaskIds.add(task.getTaskId().getValue());
            taskResources.add(checked.resources());
            total = total.plus(checked.resources());
        }
        Checked checked = ExecutorCheck.check(executor, context);
        if (checked.problem().isPresent()) {
            return new Outcome.Invalid(checked.problem().get());
        }
        Optional<String> problem = groupExecutorProblem(executor, group, checked.resources())
                .or(() -> shareCgroupsProblem(executor, group));
        if (problem.isPresent()) {
            return new Outcome.Invalid(problem.get());
        }
        boolean newExecutor = context.runningExecutor().isEmpty();
        Resources consumed = newExecutor ? total.plus(checked.resources()) : total;
        if (!context.available().contains(consumed)) {
            return new Outcome.Invalid("Total resources " + consumed + " required by task group and its executor are"
                    + " more than available " + context.available());
        }
        return new Outcome.Valid(List.copyOf(taskResources), checked.resources(), newExecutor, consumed);
    }

    /** Mesos's checks of a task in a group: those of any task, then those of a group's task. */
    private static Checked checkTask(TaskInfo task, LaunchCheck.Context context) {
        Checked fields = TaskFieldCheck.check(task, context);
        if (fields.problem().isPresent()) {
            return fields;
        }
        if (!task.hasExecutor()) {
            return Checked.invalid("'TaskInfo.executor' must be set");
        }
        if (task.hasContainer() && task.getContainer().getType() == ContainerInfo.Type.DOCKER) {
            return Checked.invalid("Docker ContainerInfo is not supported on the task");
        }
        return fields;
    }

    private static Optional<String> groupExecutorProblem(ExecutorInfo executor, TaskGroupInfo group,
            Resources resources) {
        String id = executor.getExecutorId().getValue();
        if (!executor.hasType()) {
            return Optional.of("'ExecutorInfo.type' must be set");
        }
        if (executor.getType() == ExecutorInfo.Type.UNKNOWN) {
            return Optional.of("Unknown executor type");
        }
        if (executor.hasContainer() && executor.getContainer().getType() == ContainerInfo.Type.DOCKER) {
            return Optional.of("Docker ContainerInfo is not supported on the executor");
        }
        for (TaskInfo task : group.getTasksList()) {
            if (!task.getExecutor().equals(executor)) {
                return Optional.of("The `ExecutorInfo` of task '" + task.getTaskId().getValue() + "' is different"
                        + " from executor '" + id + "'");
            }
        }
        if (!has(resources, "cpus") || resources.scalar("cpus") < MIN_CPUS) {
            return Optional.of("Executor '" + id + "' uses less CPUs (" + (has(resources, "cpus")
                    ? number(resources.scalar("cpus")) : "None") + ") than the minimum required ("
                    + number(MIN_CPUS) + ")");
        }
        long memBytes = (long) (resources.scalar("mem") * (1L << 20));
        if (!has(resources, "mem") || memBytes < MIN_MEM_BYTES) {
            return Optional.of("Executor '" + id + "' uses less memory (" + (has(resources, "mem")
                    ? bytes(memBytes) : "None") + ") than the minimum required (" + bytes(MIN_MEM_BYTES) + ")");
        }
        if (!has(resources, "disk")) {
            return Optional.of("Executor '" + id + "' uses no disk");
        }
        return Optional.empty();
    }

    /**
     * Mesos's rules for {@code LinuxInfo.share_cgroups}: never true on the executor, and the same in every task of
     * the group (unset counts as true). Tasks that do not share their executor's cgroups still share them here.
     */
    private static Optional<String> shareCgroupsProblem(ExecutorInfo executor, TaskGroupInfo group) {
        LinuxInfo executorLinux = executor.getContainer().getLinuxInfo();
        if (executorLinux.hasShareCgroups() && executorLinux.getShareCgroups()) {
            return Optional.of("The 'share_cgroups' field cannot be set to 'true' on executor containers");
        }
        long distinct = group.getTasksList().stream()
                .map(task -> !task.getContainer().getLinuxInfo().hasShareCgroups()
                        || task.getContainer().getLinuxInfo().getShareCgroups())
                .distinct().count();
        if (distinct > 1) {
            return Optional.of("If set, the value of 'share_cgroups' must be the same for all tasks in each task"
                    + " group and under a single executor");
        }
        return Optional.empty();
    }

    private static boolean has(Resources resources, String name) {
        return !resources.filter(resource -> resource.getName().equals(name)).isEmpty();
    }

    /** A number as Mesos prints a double: {@code 0.01}, {@code 1}. */
    private static String number(double value) {
        return Scalars.format(Math.round(value * 1000));
    }

    /** A size as Mesos prints {@code Bytes}: in the largest unit that loses nothing, e.g. {@code 32MB}. */
    private static String bytes(long value) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        long amount = value;
        int unit = 0;
        while (amount != 0 && amount % KB == 0 && unit < units.length - 1) {
            amount /= KB;
            unit++;
        }
        return amount + units[unit];
    }
}
