package org.meseta.agent.internal.http;

import com.google.protobuf.ByteString;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.mesos.v1.agent.Protos.Call;
import org.apache.mesos.v1.agent.Protos.Response;
import org.meseta.agent.internal.Agent;
import org.meseta.daemon.Build;
import org.meseta.daemon.Metrics;
import org.meseta.daemon.OperatorCalls;
import org.meseta.daemon.OperatorCalls.Reply;
import org.meseta.daemon.files.FileCalls;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;

/**
 * The agent's v1 operator API, {@code POST /api/v1}: the read-only calls. Calls about its work answer from one
 * {@link Agent.View} taken on the agent's thread (see {@link OperatorResponses}); {@code GET_CONTAINERS} measures the
 * running containers off that thread; the files calls read its attachments (sandboxes, its log) off the event loop. Other calls answer 501 naming the call.
 */
final class OperatorApi {

    private final Agent agent;

    OperatorApi(Agent agent) {
        this.agent = agent;
    }

    CompletionStage<HttpResponse> handle(HttpRequest request) {
        return OperatorCalls.<Call>handle(request, Call.newBuilder(),
                call -> call.hasType() ? Optional.of(call.getType().name()) : Optional.empty(), "agent",
                this::dispatch);
    }

    private CompletionStage<Reply> dispatch(Call call) {
        return switch (call.getType()) {
            case GET_HEALTH -> OperatorCalls.answer(Response.newBuilder().setType(Response.Type.GET_HEALTH)
                    .setGetHealth(Response.GetHealth.newBuilder().setHealthy(true)).build());
            case GET_VERSION -> OperatorCalls.answer(Response.newBuilder().setType(Response.Type.GET_VERSION)
                    .setGetVersion(Response.GetVersion.newBuilder().setVersionInfo(Build.versionInfo())).build());
            case GET_FLAGS -> OperatorCalls.answer(Response.newBuilder().setType(Response.Type.GET_FLAGS)
                    .setGetFlags(Response.GetFlags.newBuilder()
                            .addAllFlags(OperatorCalls.flags(agent.config().flags())))
                    .build());
            case GET_LOGGING_LEVEL -> OperatorCalls.answer(Response.newBuilder()
                    .setType(Response.Type.GET_LOGGING_LEVEL)
                    .setGetLoggingLevel(Response.GetLoggingLevel.newBuilder().setLevel(OperatorCalls.loggingLevel()))
                    .build());
            case GET_METRICS -> agent.metrics().thenApply(metrics -> new Reply.Answer(Response.newBuilder()
                    .setType(Response.Type.GET_METRICS)
                    .setGetMetrics(Response.GetMetrics.newBuilder().addAllMetrics(Metrics.list(metrics))).build()));
            case GET_AGENT -> fromView(view -> Response.newBuilder().setType(Response.Type.GET_AGENT)
                    .setGetAgent(Response.GetAgent.newBuilder().setAgentInfo(view.info())).build());
            case GET_FRAMEWORKS -> fromView(view -> Response.newBuilder().setType(Response.Type.GET_FRAMEWORKS)
                    .setGetFrameworks(OperatorResponses.frameworks(view.workload())).build());
            case GET_EXECUTORS -> fromView(view -> Response.newBuilder().setType(Response.Type.GET_EXECUTORS)
                    .setGetExecutors(OperatorResponses.executors(view.workload())).build());
            case GET_TASKS -> fromView(view -> Response.newBuilder().setType(Response.Type.GET_TASKS)
                    .setGetTasks(OperatorResponses.tasks(view.workload())).build());
            case GET_STATE -> fromView(view -> Response.newBuilder().setType(Response.Type.GET_STATE)
                    .setGetState(Response.GetState.newBuilder()
                            .setGetTasks(OperatorResponses.tasks(view.workload()))
                            .setGetExecutors(OperatorResponses.executors(view.workload()))
                            .setGetFrameworks(OperatorResponses.frameworks(view.workload())))
                    .build());
            case GET_CONTAINERS -> agent.containers().thenApply(usages -> new Reply.Answer(Response.newBuilder()
                    .setType(Response.Type.GET_CONTAINERS)
                    .setGetContainers(OperatorResponses.containers(usages)).build()));
            case LIST_FILES -> OperatorCalls.files(FileCalls.list(agent.files(), call.getListFiles().getPath()),
                    infos -> Response.newBuilder().setType(Response.Type.LIST_FILES)
                            .setListFiles(Response.ListFiles.newBuilder().addAllFileInfos(infos)).build());
            case READ_FILE -> OperatorCalls.files(FileCalls.read(agent.files(), call.getReadFile().getPath(),
                    call.getReadFile().getOffset(), call.getReadFile().hasLength()
                            ? Optional.of(call.getReadFile().getLength()) : Optional.empty()),
                    chunk -> Response.newBuilder().setType(Response.Type.READ_FILE)
                            .setReadFile(Response.ReadFile.newBuilder().setSize(chunk.size())
                                    .setData(ByteString.copyFrom(chunk.data())))
                            .build());
            default -> OperatorCalls.unsupported();
        };
    }

    private CompletionStage<Reply> fromView(Function<Agent.View, Response> render) {
        return agent.view().thenApply(view -> new Reply.Answer(render.apply(view)));
    }
}
