package org.meseta.console.core.internal;

import java.util.function.Consumer;

import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * Hears how a {@link FrameworkStep} goes, on the framework's thread; after success or failure, nothing more.
 *
 * @param progress told each step reached ({@code waiting for an offer of node-a}, {@code TASK_STAGING})
 * @param succeeded told the status that shows the step reached its goal (the task running, or ended)
 * @param failed told why the step cannot reach its goal (one line for the administrator)
 */
record StepListener(Consumer<String> progress, Consumer<TaskStatus> succeeded, Consumer<String> failed) {
}
