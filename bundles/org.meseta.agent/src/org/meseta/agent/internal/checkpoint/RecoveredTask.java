package org.meseta.agent.internal.checkpoint;

import com.google.protobuf.ByteString;
import java.util.List;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * A task as a previous run of the agent checkpointed it.
 *
 * @param info what the framework asked for
 * @param updates every status update the agent took for it, oldest first
 * @param acknowledged the uuids of the updates the framework acknowledged, in that order
 * @param group the ids of the tasks of its task group, its own included; empty for a task launched alone
 */
public record RecoveredTask(TaskInfo info, List<TaskStatus> updates, List<ByteString> acknowledged,
        List<TaskID> group) {}
