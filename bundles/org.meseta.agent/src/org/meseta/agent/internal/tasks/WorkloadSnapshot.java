package org.meseta.agent.internal.tasks;

import java.nio.file.Path;
import java.util.List;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Task;

/**
 * An immutable copy of what the agent runs, for its HTTP endpoints: frameworks with their executor runs and tasks,
 * and the bounded lists of completed ones, as Mesos's agent {@code /state} shows them.
 */
public record WorkloadSnapshot(List<FrameworkSnapshot> frameworks, List<FrameworkSnapshot> completedFrameworks) {

    public record FrameworkSnapshot(FrameworkInfo info, List<ExecutorSnapshot> executors,
            List<ExecutorSnapshot> completedExecutors) {}

    /**
     * @param containerId the run's container id
     * @param directory the run's sandbox
     * @param resources the executor's own resources plus those of its live tasks
     * @param queuedTasks tasks not yet given to the executor
     * @param tasks tasks given to it that have not ended
     * @param completedTasks tasks that ended, acknowledged or not
     */
    public record ExecutorSnapshot(ExecutorInfo info, String containerId, Path directory, List<Resource> resources,
            List<Task> queuedTasks, List<Task> tasks, List<Task> completedTasks) {}
}
