package org.meseta.console.core.launch;

import org.apache.mesos.v1.Protos.TaskState;

/**
 * A task the console's framework launched, as its launch (or move) ended.
 *
 * @param taskId the id the console gave it
 * @param agentId the agent it runs on
 * @param state its state then: {@code TASK_RUNNING}
 */
public record LaunchedTask(String taskId, String agentId, TaskState state) {
}
