package org.meseta.master.internal.http;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.mesos.v1.Protos.WeightInfo;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.meseta.daemon.Build;
import org.meseta.daemon.Metrics;
import org.meseta.daemon.OperatorCalls;
import org.meseta.daemon.OperatorCalls.Reply;
import org.meseta.daemon.files.FileAttachments;
import org.meseta.daemon.files.FileCalls;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.MasterConfig;
import org.meseta.master.internal.allocation.QuotaConfigs;
import org.meseta.master.internal.allocation.Weights;
import org.meseta.master.internal.core.ReservationRequest;

/**
 * The master's v1 operator API, {@code POST /api/v1}: the read-only calls, the weights, the quota, the
 * reservations, {@code SUBSCRIBE} (the event stream), and the calls that tear frameworks down and take agents out
 * of service ({@link MaintenanceCalls}). Calls about the cluster answer from one {@link ClusterView} snapshot taken
 * on the master's thread (see {@link OperatorResponses}); the files calls read the master's attachments off the
 * event loop. Calls that are not
 * implemented yet answer 501 with their name, so a client learns exactly what is missing.
 */
final class OperatorApi {

    private final Master master;
    private final MasterConfig config;
    private final FileAttachments files;

    OperatorApi(Master master, MasterConfig config, FileAttachments files) {
        this.master = master;
        this.config = config;
        this.files = files;
    }

    CompletionStage<HttpResponse> handle(HttpRequest request) {
        return OperatorCalls.<Call>handle(request, Call.newBuilder(),
                call -> call.hasType() ? Optional.of(call.getType().name()) : Optional.empty(), "master",
                this::dispatch);
    }

    private CompletionStage<Reply> dispatch(Call call) {
        return switch (call.getType()) {
            case GET_HEALTH -> OperatorCalls.answer(Response.newBuilder().setType(Response.Type.GET_HEALTH)
                    .setGetHealth(Response.GetHealth.newBuilder().setHealthy(true)).build());
            case GET_VERSION -> OperatorCalls.answer(Response.newBuilder().setType(Response.Type.GET_VERSION)
                    .setGetVersion(Response.GetVersion.newBuilder().setVersionInfo(Build.versionInfo())).build());
            case GET_FLAGS -> OperatorCalls.answer(Response.newBuilder().setType(Response.Type.GET_FLAGS)
                    .setGetFlags(Response.GetFlags.newBuilder().addAllFlags(OperatorCalls.flags(config.flags())))
                    .build());
            case GET_LOGGING_LEVEL -> OperatorCalls.answer(Response.newBuilder()
                    .setType(Response.Type.GET_LOGGING_LEVEL)
                    .setGetLoggingLevel(Response.GetLoggingLevel.newBuilder().setLevel(OperatorCalls.loggingLevel()))
                    .build());
            case GET_METRICS -> master.metrics().thenApply(metrics -> new Reply.Answer(Response.newBuilder()
                    .setType(Response.Type.GET_METRICS)
                    .setGetMetrics(Response.GetMetrics.newBuilder().addAllMetrics(Metrics.list(metrics))).build()));
            case GET_MASTER -> fromView(view -> Response.newBuilder().setType(Response.Type.GET_MASTER)
                    .setGetMaster(OperatorResponses.master(view)).build());
            case GET_AGENTS -> fromView(view -> Response.newBuilder().setType(Response.Type.GET_AGENTS)
                    .setGetAgents(OperatorResponses.agents(view)).build());
            case GET_FRAMEWORKS -> fromView(view -> Response.newBuilder().setType(Response.Type.GET_FRAMEWORKS)
                    .setGetFrameworks(OperatorResponses.frameworks(view)).build());
            case GET_TASKS -> fromView(view -> Response.newBuilder().setType(Response.Type.GET_TASKS)
                    .setGetTasks(OperatorResponses.tasks(view)).build());
            case GET_EXECUTORS -> fromView(view -> Response.newBuilder().setType(Response.Type.GET_EXECUTORS)
                    .setGetExecutors(OperatorResponses.executors(view)).build());
            case GET_STATE -> fromView(view -> Response.newBuilder().setType(Response.Type.GET_STATE)
                    .setGetState(OperatorResponses.state(view)).build());
            case GET_WEIGHTS -> master.weights().thenApply(weights -> new Reply.Answer(Response.newBuilder()
                    .setType(Response.Type.GET_WEIGHTS)
                    .setGetWeights(Response.GetWeights.newBuilder().addAllWeightInfos(Weights.infos(weights)))
                    .build()));
            case UPDATE_WEIGHTS -> updateWeights(call.getUpdateWeights().getWeightInfosList());
            case GET_ROLES -> fromView(view -> Response.newBuilder().setType(Response.Type.GET_ROLES)
                    .setGetRoles(OperatorResponses.roles(view)).build());
            case LIST_FILES -> OperatorCalls.files(FileCalls.list(files, call.getListFiles().getPath()),
                    infos -> Response.newBuilder().setType(Response.Type.LIST_FILES)
                            .setListFiles(Response.ListFiles.newBuilder().addAllFileInfos(infos)).build());
            case READ_FILE -> OperatorCalls.files(FileCalls.read(files, call.getReadFile().getPath(),
                    call.getReadFile().getOffset(), call.getReadFile().hasLength()
                            ? Optional.of(call.getReadFile().getLength()) : Optional.empty()),
                    chunk -> Response.newBuilder().setType(Response.Type.READ_FILE)
                            .setReadFile(Response.ReadFile.newBuilder().setSize(chunk.size())
                                    .setData(ByteString.copyFrom(chunk.data())))
                            .build());
            case GET_QUOTA -> master.quotas().thenApply(quotas -> new Reply.Answer(Response.newBuilder()
                    .setType(Response.Type.GET_QUOTA)
                    .setGetQuota(Response.GetQuota.newBuilder().setStatus(QuotaConfigs.status(quotas))).build()));
            case UPDATE_QUOTA -> !call.hasUpdateQuota() ? Replies.missing("update_quota")
                    : master.updateQuota(call.getUpdateQuota()).thenApply(Replies::done);
            case SET_QUOTA -> !call.hasSetQuota() ? Replies.missing("set_quota")
                    : master.setQuota(call.getSetQuota().getQuotaRequest()).thenApply(Replies::done);
            case REMOVE_QUOTA -> !call.hasRemoveQuota() ? Replies.missing("remove_quota")
                    : master.removeQuota(call.getRemoveQuota().getRole(), Optional.empty())
                            .thenApply(Replies::done);
            case RESERVE_RESOURCES -> reservation(new ReservationRequest(ReservationRequest.Kind.RESERVE,
                    call.getReserveResources().getAgentId(), call.getReserveResources().getResourcesList(),
                    call.getReserveResources().getSourceList()));
            case UNRESERVE_RESOURCES -> reservation(new ReservationRequest(ReservationRequest.Kind.UNRESERVE,
                    call.getUnreserveResources().getAgentId(), call.getUnreserveResources().getResourcesList(),
                    List.of()));
            case SUBSCRIBE -> subscribe();
            case TEARDOWN -> MaintenanceCalls.teardown(master, call);
            case DEACTIVATE_AGENT -> MaintenanceCalls.deactivateAgent(master, call);
            case REACTIVATE_AGENT -> MaintenanceCalls.reactivateAgent(master, call);
            case DRAIN_AGENT -> MaintenanceCalls.drainAgent(master, call);
            case MARK_AGENT_GONE -> MaintenanceCalls.markAgentGone(master, call);
            default -> OperatorCalls.unsupported();
        };
    }

    /** As Mesos: 400 naming the first bad role or weight, and nothing changes; otherwise 200 once applied. */
    private CompletionStage<Reply> updateWeights(List<WeightInfo> infos) {
        Optional<String> problem = Weights.problem(infos);
        if (problem.isPresent()) {
            return CompletableFuture.completedFuture(new Reply.Refused(400, problem.get()));
        }
        return master.updateWeights(Weights.of(infos)).thenApply(done -> new Reply.Done());
    }

    /** As Mesos: 202 once applied, 400 for an invalid request, 409 when the resources are not available. */
    private CompletionStage<Reply> reservation(ReservationRequest request) {
        return master.reservation(request).thenApply(outcome -> outcome.<Reply>map(
                refusal -> new Reply.Refused(refusal.status(), refusal.reason())).orElseGet(Reply.Accepted::new));
    }

    /** The operator event stream: SUBSCRIBED with the GET_STATE snapshot, then the master's events as they happen. */
    private CompletionStage<Reply> subscribe() {
        return CompletableFuture.completedFuture(new Reply.Streamed(mediaType -> HttpResponse.stream(mediaType,
                stream -> master.subscribeOperator(stream, mediaType, OperatorResponses::state)
                        .whenComplete((ignored, failure) -> {
                            if (failure != null) {
                                stream.close();
                            }
                        }))));
    }

    private CompletionStage<Reply> fromView(Function<ClusterView, Response> render) {
        return master.view().thenApply(view -> new Reply.Answer(render.apply(view)));
    }
}
