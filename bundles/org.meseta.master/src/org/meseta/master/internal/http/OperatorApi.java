package org.meseta.master.internal.http;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.Protos.Flag;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.meseta.daemon.Build;
import org.meseta.daemon.JsonBody;
import org.meseta.daemon.V1Protocol;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.ClusterView.AgentView;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.MasterConfig;

/**
 * The v1 operator API, {@code POST /api/v1}: the read calls the console needs today. Calls that are not
 * implemented yet answer 501 with their name, so a client learns exactly what is missing.
 */
final class OperatorApi {

    private final Master master;
    private final MasterConfig config;

    OperatorApi(Master master, MasterConfig config) {
        this.master = master;
        this.config = config;
    }

    CompletionStage<HttpResponse> handle(HttpRequest request) {
        Optional<String> responseType = V1Protocol.responseType(request);
        return switch (V1Protocol.<Call>decode(request, Call.newBuilder())) {
            case V1Protocol.Decoded.Rejected<Call> rejected -> CompletableFuture.completedFuture(rejected.response());
            case V1Protocol.Decoded.Call<Call> call when !call.message().hasType() ->
                    // An unknown type name decodes to an absent type; Mesos rejects both as invalid.
                    CompletableFuture.completedFuture(HttpResponse.text(400, "Expecting 'type' to be present"));
            case V1Protocol.Decoded.Call<Call> call when responseType.isEmpty() ->
                    CompletableFuture.completedFuture(V1Protocol.notAcceptable());
            case V1Protocol.Decoded.Call<Call> call -> dispatch(call.message())
                    .thenApply(response -> response == null
                            ? HttpResponse.text(501, "Call type " + call.message().getType()
                                    + " is not supported by this Meseta master yet")
                            : V1Protocol.respond(responseType.get(), response));
        };
    }

    /** Completes with null for calls this master does not implement yet. */
    private CompletionStage<Response> dispatch(Call call) {
        return switch (call.getType()) {
            case GET_HEALTH -> done(Response.newBuilder().setType(Response.Type.GET_HEALTH)
                    .setGetHealth(Response.GetHealth.newBuilder().setHealthy(true)).build());
            case GET_VERSION -> done(Response.newBuilder().setType(Response.Type.GET_VERSION)
                    .setGetVersion(Response.GetVersion.newBuilder().setVersionInfo(Build.versionInfo())).build());
            case GET_FLAGS -> done(flags());
            case GET_MASTER -> master.view().thenApply(OperatorApi::getMaster);
            case GET_AGENTS -> master.view().thenApply(OperatorApi::getAgents);
            default -> CompletableFuture.completedFuture(null);
        };
    }

    private Response flags() {
        Response.GetFlags.Builder flags = Response.GetFlags.newBuilder();
        for (Map.Entry<String, String> flag : config.flags().entrySet()) {
            flags.addFlags(Flag.newBuilder().setName(flag.getKey()).setValue(flag.getValue()));
        }
        return Response.newBuilder().setType(Response.Type.GET_FLAGS).setGetFlags(flags).build();
    }

    private static Response getMaster(ClusterView view) {
        double started = JsonBody.seconds(view.startTime());
        return Response.newBuilder().setType(Response.Type.GET_MASTER)
                .setGetMaster(Response.GetMaster.newBuilder()
                        .setMasterInfo(view.master())
                        .setStartTime(started)
                        .setElectedTime(started))
                .build();
    }

    private static Response getAgents(ClusterView view) {
        Response.GetAgents.Builder agents = Response.GetAgents.newBuilder();
        for (AgentView agent : view.agents()) {
            Response.GetAgents.Agent.Builder entry = Response.GetAgents.Agent.newBuilder()
                    .setAgentInfo(agent.info())
                    .setActive(agent.active())
                    .setDeactivated(false)
                    .setVersion(agent.version())
                    .setPid(agent.pid())
                    .setRegisteredTime(time(agent.registeredTime()))
                    .addAllTotalResources(agent.total().toList())
                    .addAllAllocatedResources(agent.used().toList())
                    .addAllOfferedResources(agent.offered().toList());
            agent.reregisteredTime().ifPresent(time -> entry.setReregisteredTime(time(time)));
            agents.addAgents(entry);
        }
        return Response.newBuilder().setType(Response.Type.GET_AGENTS).setGetAgents(agents).build();
    }

    private static TimeInfo time(java.time.Instant instant) {
        return TimeInfo.newBuilder().setNanoseconds(instant.getEpochSecond() * 1_000_000_000L + instant.getNano())
                .build();
    }

    private static CompletionStage<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }
}
