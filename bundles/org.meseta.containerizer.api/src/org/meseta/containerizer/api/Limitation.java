package org.meseta.containerizer.api;

import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * A container went beyond one of its limits, as Mesos's {@code ContainerLimitation} says: the agent kills it and
 * fails its unfinished tasks with this reason and message.
 *
 * @param reason e.g. {@code REASON_CONTAINER_LIMITATION_MEMORY}
 * @param message one line for the task's status update, e.g. {@code Memory limit exceeded: ...}
 */
public record Limitation(TaskStatus.Reason reason, String message) {}
