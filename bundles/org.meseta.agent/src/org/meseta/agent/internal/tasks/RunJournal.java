package org.meseta.agent.internal.tasks;

import com.google.protobuf.ByteString;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.agent.internal.updates.UpdateJournal;

/**
 * Records the status updates of each task in the checkpoint of the executor run that holds it (nothing for a
 * framework that does not checkpoint, or an update of a task no run holds). Confined to the agent's actor thread.
 */
public final class RunJournal implements UpdateJournal {

    private final Workload workload;

    public RunJournal(Workload workload) {
        this.workload = workload;
    }

    @Override
    public void taken(FrameworkID frameworkId, TaskStatus status) {
        if (checkpoints(frameworkId)) {
            workload.executorOf(frameworkId, status.getTaskId()).ifPresent(run -> run.checkpointUpdate(status));
        }
    }

    @Override
    public void acknowledged(FrameworkID frameworkId, TaskID taskId, ByteString uuid) {
        if (checkpoints(frameworkId)) {
            workload.executorOf(frameworkId, taskId).ifPresent(run -> run.checkpointAcknowledgement(taskId, uuid));
        }
    }

    private boolean checkpoints(FrameworkID frameworkId) {
        return workload.framework(frameworkId).map(framework -> framework.info().getCheckpoint()).orElse(false);
    }
}
