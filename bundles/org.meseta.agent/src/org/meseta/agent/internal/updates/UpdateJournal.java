package org.meseta.agent.internal.updates;

import com.google.protobuf.ByteString;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * Where the {@link StatusUpdateManager} records what it takes and what is acknowledged, before it acts on either, so
 * that an agent restarted after a crash resends exactly the updates the framework has not acknowledged. Called on
 * the agent's actor thread; an implementation that cannot record says so itself (the manager goes on).
 */
public interface UpdateJournal {

    /** Records nothing: for an agent whose tasks do not outlive it. */
    UpdateJournal NONE = new UpdateJournal() {
        @Override
        public void taken(FrameworkID frameworkId, TaskStatus status) {
            // not recorded
        }

        @Override
        public void acknowledged(FrameworkID frameworkId, TaskID taskId, ByteString uuid) {
            // not recorded
        }
    };

    /** The manager took a new update for the task (not a duplicate, not one after its terminal update). */
    void taken(FrameworkID frameworkId, TaskStatus status);

    /** The framework acknowledged the task's oldest pending update. */
    void acknowledged(FrameworkID frameworkId, TaskID taskId, ByteString uuid);
}
