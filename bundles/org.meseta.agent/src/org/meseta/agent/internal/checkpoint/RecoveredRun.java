package org.meseta.agent.internal.checkpoint;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskID;

/**
 * An executor run as a previous run of the agent checkpointed it.
 *
 * @param infos the framework's and the executor's infos; empty for a run of a framework that does not checkpoint,
 *     which the agent does not recover
 * @param containerId the run's container
 * @param process its first process if it still runs (a pid taken by another process since does not count)
 * @param statusFile where its supervisor, if it had one, wrote its exit status
 * @param tasks its tasks, in the order they were given to it
 * @param taskProcesses the own processes of its tasks of task groups that still run, by task id
 * @param launchWrapper how processes start in its container (for the tasks of task groups started later)
 * @param checkpoint for recording what happens to the run from now on
 */
public record RecoveredRun(Optional<Infos> infos, ContainerID containerId, Optional<ProcessHandle> process,
        Path statusFile, List<RecoveredTask> tasks, Map<TaskID, ProcessHandle> taskProcesses,
        List<String> launchWrapper, RunCheckpoint checkpoint) {

    /** The framework and the executor a checkpointed run belongs to. */
    public record Infos(FrameworkInfo framework, ExecutorInfo executor) {}

    /** Whether the agent takes the run back: its framework checkpoints. */
    public boolean isRecoverable() {
        return infos.isPresent();
    }
}
