package org.meseta.console.core.internal;

import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.console.core.model.TaskView;

/** Kills one task: sends KILL and succeeds once the task ended, whatever state it ended in. */
final class KillStep extends FrameworkStep {

    private final String taskId;
    private final String agentId;
    private final String hostname;

    KillStep(StepContext context, StepListener listener, String taskId, String agentId, String hostname) {
        super(context, listener);
        this.taskId = taskId;
        this.agentId = agentId;
        this.hostname = hostname;
    }

    @Override
    String taskId() {
        return taskId;
    }

    @Override
    void begin() {
        context.send(FrameworkCalls.kill(context.frameworkId(), taskId, agentId),
                reason -> fail("the master refused to kill " + taskId + ": " + reason));
        progress("KILL " + taskId + " on " + hostname);
        deadline(context.settings().taskTimeout(), () -> taskId + " has not ended "
                + describe(context.settings().taskTimeout()) + " after KILL; it may end later: see the Tasks view");
    }

    @Override
    void updated(TaskStatus status) {
        if (TaskView.isTerminal(status.getState())) {
            succeed(status);
        } else {
            progress(status.getState().name());
        }
    }
}
