package org.meseta.console.core.internal;

import java.util.function.Consumer;

import org.apache.mesos.v1.Protos.TaskStatus;

/** Hears how a {@link FrameworkStep} goes, on the framework's thread; after success or failure, nothing more. */
interface StepListener {

    /** The step is at {@code text} ({@code waiting for an offer of node-a}, {@code TASK_STAGING}). */
    void progress(String text);

    /** The step reached its goal, as {@code status} shows (the task running, or ended). */
    void succeeded(TaskStatus status);

    /** The step cannot reach its goal, for {@code reason} (one line for the administrator). */
    void failed(String reason);

    /** A listener of three functions. */
    static StepListener of(Consumer<String> progress, Consumer<TaskStatus> succeeded, Consumer<String> failed) {
        return new StepListener() {
            @Override
            public void progress(String text) {
                progress.accept(text);
            }

            @Override
            public void succeeded(TaskStatus status) {
                succeeded.accept(status);
            }

            @Override
            public void failed(String reason) {
                failed.accept(reason);
            }
        };
    }
}
