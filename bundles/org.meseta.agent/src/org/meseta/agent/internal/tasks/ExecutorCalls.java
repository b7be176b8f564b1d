package org.meseta.agent.internal.tasks;

import java.util.Optional;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.executor.Protos.Call;

/**
 * The agent's side of the v1 executor API, after the HTTP layer checked the call's form: finds the executor and
 * applies the call with Mesos's rules (400 for an unknown framework or executor, 403 for calls other than
 * {@code SUBSCRIBE} from an executor that has not subscribed). Confined to the agent's actor thread.
 */
public final class ExecutorCalls {

    /** What the HTTP layer answers. */
    public sealed interface Outcome {
        /** 202. */
        record Accepted() implements Outcome {}

        /** 200 with the event stream, to be handed to {@link #subscribe} once open. */
        record Subscribe() implements Outcome {}

        /** The status and the reason as text. */
        record Rejected(int status, String reason) implements Outcome {}
    }

    private final Workload workload;

    public ExecutorCalls(Workload workload) {
        this.workload = workload;
    }

    public Outcome handle(Call call) {
        Optional<CustomExecutor> executor = executor(call.getFrameworkId(), call.getExecutorId());
        if (workload.framework(call.getFrameworkId()).isEmpty()) {
            return new Outcome.Rejected(400, "Framework cannot be found");
        }
        if (executor.isEmpty()) {
            return new Outcome.Rejected(400, "Executor cannot be found");
        }
        if (call.getType() != Call.Type.SUBSCRIBE && !executor.get().isSubscribed()) {
            return new Outcome.Rejected(403, "Executor is not subscribed");
        }
        return switch (call.getType()) {
            case SUBSCRIBE -> {
                executor.get().resubscribing(call.getSubscribe().getUnacknowledgedUpdatesList().stream()
                        .map(Call.Update::getStatus).toList());
                yield new Outcome.Subscribe();
            }
            case UPDATE -> {
                executor.get().update(call.getUpdate().getStatus());
                yield new Outcome.Accepted();
            }
            case MESSAGE -> {
                executor.get().message(call.getMessage().getData());
                yield new Outcome.Accepted();
            }
            case HEARTBEAT -> new Outcome.Accepted(); // only keeps the executor's connection busy
            case UNKNOWN -> new Outcome.Rejected(501, "Received an 'UNKNOWN' call");
        };
    }

    /** The executor's event stream opened; if the executor went away meanwhile, the stream says so and closes. */
    public void subscribe(FrameworkID frameworkId, ExecutorID executorId, ExecutorConnection connection) {
        Optional<CustomExecutor> executor = executor(frameworkId, executorId);
        if (executor.isPresent()) {
            executor.get().subscribe(connection);
        } else {
            connection.send(ExecutorEvents.error("Executor " + executorId.getValue() + " of framework "
                    + frameworkId.getValue() + " cannot be found"));
            connection.close();
        }
    }

    private Optional<CustomExecutor> executor(FrameworkID frameworkId, ExecutorID executorId) {
        return workload.executor(frameworkId, executorId)
                .filter(CustomExecutor.class::isInstance).map(CustomExecutor.class::cast);
    }
}
