package org.meseta.console.core.internal;

import java.util.function.Consumer;

import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.launch.LaunchSpec;
import org.meseta.console.core.launch.LaunchedTask;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.TaskView;

/**
 * A move: a {@link LaunchStep} of a copy of the task on the other agent, then, once the copy runs, a {@link KillStep}
 * of the original; one pending call reports both. When the copy fails the original is left alone, and the call says
 * so. Framework thread only.
 */
final class MoveAction {

    private final StepContext context;
    private final HttpPendingCall<LaunchedTask> call;
    private final TaskView original;
    private final String from;
    private final String to;
    private final String copyId;
    private final LaunchStep copy;
    private Consumer<FrameworkStep> run;
    private KillStep kill;

    /**
     * @param from the original's agent's host name
     * @param agent where the copy goes
     * @param spec what the original was launched from
     * @param copyId the copy's task id
     */
    MoveAction(StepContext context, HttpPendingCall<LaunchedTask> call, TaskView original, String from,
            AgentView agent, LaunchSpec spec, String copyId) {
        this.context = context;
        this.call = call;
        this.original = original;
        this.from = from;
        this.to = agent.hostname();
        this.copyId = copyId;
        this.copy = new LaunchStep(context, new StepListener(
                text -> call.step("launching " + copyId + " on " + to + ": " + text), this::copyRunning,
                reason -> call.complete(new CallResult.Failed<>("the copy on " + to + " failed (" + reason + "); "
                        + original.key().taskId() + " keeps running on " + from))),
                spec, copyId, agent.id(), to);
    }

    /** Starts the move by handing its steps to {@code runner}, the copy's now. */
    void start(Consumer<FrameworkStep> runner) {
        run = runner;
        run.accept(copy);
    }

    /** Stops the step under way (the call was cancelled). */
    void cancel() {
        copy.cancel();
        if (kill != null) {
            kill.cancel();
        }
    }

    private void copyRunning(TaskStatus status) {
        String originalId = original.key().taskId();
        kill = new KillStep(context, new StepListener(
                text -> call.step(copyId + " runs on " + to + "; killing " + originalId + ": " + text),
                ended -> call.complete(FrameworkSession.succeeded(new LaunchedTask(copyId,
                        status.getAgentId().getValue(), status.getState()))),
                reason -> call.complete(new CallResult.Failed<>(copyId + " runs on " + to + ", but " + originalId
                        + " on " + from + " did not end: " + reason))),
                originalId, original.agentId(), from);
        run.accept(kill);
    }
}
