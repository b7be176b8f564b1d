package org.meseta.master.internal.validation;

import java.util.Optional;
import org.apache.mesos.v1.Protos.ContainerInfo;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;

/**
 * Mesos's checks of an executor that a LAUNCH or LAUNCH_GROUP names ({@code executor::internal::validate}), in
 * Mesos's order: its type against its command and container, its id, its shutdown grace period, its framework, its
 * resources, and that an executor of that id already on the agent is the same. A pure function of its inputs.
 */
final class ExecutorCheck {

    private ExecutorCheck() {}

    /** @param executor with {@code framework_id} as the master takes it (filled in for a LAUNCH, not a group) */
    static Checked check(ExecutorInfo executor, LaunchCheck.Context context) {
        Optional<String> problem = typeProblem(executor)
                .or(() -> Ids.problem(executor.getExecutorId().getValue()))
                .or(() -> executor.getShutdownGracePeriod().getNanoseconds() < 0
                        ? Optional.of("ExecutorInfo's 'shutdown_grace_period' must be non-negative")
                        : Optional.empty())
                .or(() -> frameworkProblem(executor, context.framework()));
        if (problem.isPresent()) {
            return Checked.invalid(problem.get());
        }
        Resources resources;
        try {
            resources = OfferedResources.of(executor.getResourcesList(), context.offerRole());
        } catch (ResourceParseException e) {
            return Checked.invalid("Executor uses invalid resources: " + e.getMessage());
        }
        if (context.runningExecutor().isPresent()
                && !sameExecutor(context.runningExecutor().get(), executor, context.framework())) {
            return Checked.invalid("ExecutorInfo is not compatible with existing ExecutorInfo with same ExecutorID");
        }
        return Checked.valid(resources);
    }

    private static Optional<String> typeProblem(ExecutorInfo executor) {
        return switch (executor.getType()) {
            case DEFAULT -> {
                if (executor.hasCommand()) {
                    yield Optional.of("'ExecutorInfo.command' must not be set for 'DEFAULT' executor");
                }
                if (executor.hasContainer() && executor.getContainer().getType() != ContainerInfo.Type.MESOS) {
                    yield Optional.of("'ExecutorInfo.container.type' must be 'MESOS' for 'DEFAULT' executor");
                }
                if (executor.hasContainer() && executor.getContainer().getMesos().hasImage()) {
                    yield Optional.of("'ExecutorInfo.container.mesos.image' must not be set for 'DEFAULT' executor");
                }
                yield Optional.empty();
            }
            case CUSTOM -> executor.hasCommand() ? Optional.empty()
                    : Optional.of("'ExecutorInfo.command' must be set for 'CUSTOM' executor");
            case UNKNOWN -> Optional.empty();
        };
    }

    private static Optional<String> frameworkProblem(ExecutorInfo executor, FrameworkID framework) {
        if (!executor.hasFrameworkId()) {
            return Optional.of("'ExecutorInfo.framework_id' must be set");
        }
        if (!executor.getFrameworkId().equals(framework)) {
            return Optional.of("ExecutorInfo has an invalid FrameworkID (Actual: "
                    + executor.getFrameworkId().getValue() + " vs Expected: " + framework.getValue() + ")");
        }
        return Optional.empty();
    }

    /** The same executor, whatever format the framework wrote its resources in this time. */
    private static boolean sameExecutor(ExecutorInfo running, ExecutorInfo wanted, FrameworkID framework) {
        ExecutorInfo normalized = wanted.toBuilder().setFrameworkId(framework).clearResources()
                .addAllResources(running.getResourcesList()).build();
        return running.toBuilder().setFrameworkId(framework).build().equals(normalized);
    }
}
