package org.meseta.agent.internal.http;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.executor.Protos.Call;
import org.meseta.agent.internal.Agent;
import org.meseta.agent.internal.tasks.ExecutorCalls;
import org.meseta.agent.internal.tasks.ExecutorConnection;
import org.meseta.daemon.V1Protocol;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;

/**
 * The v1 executor API, {@code POST /api/v1/executor}, in Mesos's order of checks: the body's media type (400
 * without one, 415 for neither JSON nor protobuf) and form (400), the call's validity (400, see
 * {@link ExecutorCallValidation}), then for {@code SUBSCRIBE} the {@code Accept} header (406), and then what the
 * agent knows ({@link ExecutorCalls}). {@code SUBSCRIBE} answers 200 with the event stream, other calls 202. Runs on
 * the event loops; the agent's state is only touched on its actor thread.
 */
final class ExecutorApi {

    private final Agent agent;

    ExecutorApi(Agent agent) {
        this.agent = agent;
    }

    CompletionStage<HttpResponse> handle(HttpRequest request) {
        return switch (V1Protocol.<Call>decode(request, Call.newBuilder())) {
            case V1Protocol.Decoded.Rejected<Call> rejected -> CompletableFuture.completedFuture(rejected.response());
            case V1Protocol.Decoded.Call<Call> call -> handle(request, call.message());
        };
    }

    private CompletionStage<HttpResponse> handle(HttpRequest request, Call call) {
        Optional<String> problem = ExecutorCallValidation.problem(call);
        if (problem.isPresent()) {
            return CompletableFuture.completedFuture(HttpResponse.text(400, "Failed to validate Executor::Call: "
                    + problem.get()));
        }
        String responseType = V1Protocol.JSON;
        if (call.getType() == Call.Type.SUBSCRIBE) {
            Optional<String> accepted = V1Protocol.responseType(request);
            if (accepted.isEmpty()) {
                return CompletableFuture.completedFuture(V1Protocol.notAcceptable());
            }
            responseType = accepted.get();
        }
        String eventType = responseType;
        return agent.executorCall(call).thenApply(outcome -> switch (outcome) {
            case ExecutorCalls.Outcome.Accepted accepted -> HttpResponse.empty(202);
            case ExecutorCalls.Outcome.Rejected rejected -> HttpResponse.text(rejected.status(), rejected.reason());
            case ExecutorCalls.Outcome.Subscribe subscribe -> HttpResponse.stream(eventType, stream ->
                    agent.subscribeExecutor(call.getFrameworkId(), call.getExecutorId(),
                            new ExecutorConnection(stream, eventType)));
        });
    }
}
