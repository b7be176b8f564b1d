package org.meseta.master.internal.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.json.JsonCodecException;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.V1Protocol;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.Master;

/** The master's side of the agent link (see {@link org.meseta.api.agentlink}). */
final class AgentLinkApi {

    private static final System.Logger LOG = System.getLogger(AgentLinkApi.class.getName());

    private final Master master;

    AgentLinkApi(Master master) {
        this.master = master;
    }

    CompletionStage<HttpResponse> subscribe(HttpRequest request) {
        AgentSubscribe subscribe;
        Resources total;
        try {
            subscribe = AgentSubscribe.fromJson(request.body());
            total = Resources.of(subscribe.total());
        } catch (JsonCodecException | ResourceParseException e) {
            LOG.log(System.Logger.Level.WARNING, "Refused agent subscription from {0}: {1}",
                    request.remoteAddress(), e.getMessage());
            return CompletableFuture.completedFuture(HttpResponse.text(400, "Invalid agent subscription: "
                    + e.getMessage()));
        }
        return CompletableFuture.completedFuture(HttpResponse.stream(V1Protocol.JSON,
                link -> master.subscribe(subscribe, total, link).whenComplete((id, failure) -> {
                    if (failure != null) {
                        LOG.log(System.Logger.Level.WARNING, "Could not admit agent " + subscribe.pid(), failure);
                        link.close();
                    }
                })));
    }

    CompletionStage<HttpResponse> call(HttpRequest request) {
        AgentCall call;
        try {
            call = AgentCall.fromJson(request.body());
        } catch (JsonCodecException e) {
            return CompletableFuture.completedFuture(HttpResponse.text(400, "Invalid agent call: " + e.getMessage()));
        }
        return master.agentCall(call).thenApply(known -> known
                ? HttpResponse.empty(202)
                : HttpResponse.text(404, "Unknown agent " + call.agentId().getValue() + "; subscribe first"));
    }
}
