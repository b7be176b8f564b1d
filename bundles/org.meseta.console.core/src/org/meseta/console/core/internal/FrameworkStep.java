package org.meseta.console.core.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * One thing the console's framework waits for on behalf of an action: a task launched ({@link LaunchStep}) or a task
 * ended ({@link KillStep}). A step begins once the framework is subscribed, is told the offers it wants and the
 * status updates of its task, and ends once: succeeded, failed (a reason, or its deadline passed) or cancelled.
 * Framework thread only.
 */
abstract sealed class FrameworkStep permits LaunchStep, KillStep {

    final StepContext context;
    private final StepListener listener;
    private ClientThread.Delayed deadline = () -> { };
    private boolean over;

    FrameworkStep(StepContext context, StepListener listener) {
        this.context = context;
        this.listener = listener;
    }

    /** The task the step is about. */
    abstract String taskId();

    /** The role it needs offers of, if it waits for an offer now. */
    Optional<String> wantedRole() {
        return Optional.empty();
    }

    /** Whether it takes {@code offer}. */
    boolean wants(Offer offer) {
        return false;
    }

    /** The framework is subscribed: the step sends what it needs. */
    abstract void begin();

    /** Its offer came ({@link #wants} said so). */
    void offered(Offer offer) {
        throw new IllegalStateException(getClass().getSimpleName() + " takes no offers");
    }

    /** A status update of its task. */
    abstract void updated(TaskStatus status);

    /** Whether the step is over. */
    final boolean isOver() {
        return over;
    }

    /** Stops the step without telling its listener (the action was cancelled). */
    final void cancel() {
        finish();
    }

    final void progress(String text) {
        if (!over) {
            listener.progress().accept(text);
        }
    }

    final void succeed(TaskStatus status) {
        if (finish()) {
            listener.succeeded().accept(status);
        }
    }

    final void fail(String reason) {
        if (finish()) {
            listener.failed().accept(reason);
        }
    }

    /**
     * Fails with the reason {@code reason} gives then, unless the step is over within {@code limit}; replaces the
     * previous deadline.
     */
    final void deadline(Duration limit, Supplier<String> reason) {
        deadline.cancel();
        deadline = context.after(limit, () -> fail(reason.get()));
    }

    /** {@code TASK_FAILED: Command exited with status 1 (REASON_COMMAND_EXECUTOR_FAILED)}: state, message, reason. */
    static String describe(TaskStatus status) {
        StringBuilder text = new StringBuilder(status.getState().name());
        if (!status.getMessage().isBlank()) {
            text.append(": ").append(status.getMessage().strip());
        }
        if (status.hasReason()) {
            text.append(" (").append(status.getReason().name()).append(')');
        }
        return text.toString();
    }

    /** {@code 30 s}, {@code 2 min}. */
    static String describe(Duration wait) {
        return wait.toSeconds() < 120 || wait.toSeconds() % 60 != 0 ? wait.toSeconds() + " s"
                : wait.toMinutes() + " min";
    }

    private boolean finish() {
        if (over) {
            return false;
        }
        over = true;
        deadline.cancel();
        context.finished(this);
        return true;
    }
}
