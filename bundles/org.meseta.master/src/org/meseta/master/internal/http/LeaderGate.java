package org.meseta.master.internal.http;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.api.agentlink.AgentLink;
import org.meseta.http.HttpHandler;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.http.Router;
import org.meseta.master.internal.election.Leadership;
import org.meseta.registry.RegistryException;
import org.meseta.zk.MasterInfos;

/**
 * The master's endpoints as a master that may not lead answers them, as Mesos's do. Three groups of routes:
 * <ul>
 * <li>{@code anyMaster}: served whatever the leadership ({@code /health}, {@code /version}, {@code /flags},
 * {@code /metrics/snapshot}, {@code /files/...} and {@code /redirect} itself);
 * <li>{@code leader}: the cluster's state and the legacy endpoints, served by an elected master;
 * <li>{@code recovered}: the scheduler and operator APIs and the agent link, served by an elected master once it
 * has recovered; 503 {@code Master has not finished recovery} before, except that an agent's subscription waits for
 * the end of the recovery (after a failover every agent subscribes at once: refused, they would all back off).
 * </ul>
 * A master that is not elected answers the last two groups, whatever the method, with Mesos's redirect: 307 to
 * {@code //<leader host>:<port><path and query>} ({@code //<host>:<port>} for {@code /redirect} itself), or 503
 * {@code No leader elected} while no leader is known. A request the leader took but could not answer because it
 * stopped leading meanwhile is answered 503 with the reason when its registry could not be written, and as a master
 * that does not lead answers it otherwise. Unknown paths get 404 from any master. Stateless and thread-safe; the
 * leadership is read for each request.
 */
final class LeaderGate implements HttpHandler {

    private final Leadership leadership;
    private final Router anyMaster;
    private final Router leader;
    private final Router recovered;

    LeaderGate(Leadership leadership, Router anyMaster, Router leader, Router recovered) {
        this.leadership = leadership;
        this.anyMaster = anyMaster;
        this.leader = leader;
        this.recovered = recovered;
    }

    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request) {
        String path = request.path();
        if (!anyMaster.allowedMethods(path).isEmpty()) {
            return anyMaster.handle(request);
        }
        boolean afterRecovery = !recovered.allowedMethods(path).isEmpty();
        Router routes = afterRecovery ? recovered : leader;
        if (routes.allowedMethods(path).isEmpty()) {
            return routes.handle(request);
        }
        return switch (leadership.phase()) {
            case LEADING -> asLeader(routes, request);
            case RECOVERING -> afterRecovery ? whileRecovering(request) : asLeader(routes, request);
            case STANDBY, ENDED -> redirect(leadership.leader(), request);
        };
    }

    /** A request for the APIs served after the recovery, made while this master recovers. */
    private CompletionStage<HttpResponse> whileRecovering(HttpRequest request) {
        if (request.path().equals(AgentLink.SUBSCRIBE_PATH)) {
            // Off the thread that ends the recovery: thousands of subscriptions may be waiting.
            return leadership.recoveryOver().thenComposeAsync(over -> handle(request));
        }
        return respond(HttpResponse.text(503, "Master has not finished recovery"));
    }

    /** {@code routes}' answer, unless this master stopped leading before it could give it. */
    private CompletionStage<HttpResponse> asLeader(Router routes, HttpRequest request) {
        return routes.handle(request).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof RegistryException) {
                // This master stops: what it was asked to change is not stored.
                return respond(HttpResponse.text(503, cause.getMessage()));
            }
            if (leadership.phase() == Leadership.Phase.ENDED) {
                return redirect(leadership.leader(), request);
            }
            return CompletableFuture.failedStage(failure);
        });
    }

    /**
     * Mesos's redirect to {@code leader}: 503 when there is none, 307 to its base URL for {@code /redirect} and
     * {@code /master/redirect}, 307 to the same path and query on it otherwise.
     */
    static CompletionStage<HttpResponse> redirect(Optional<MasterInfo> leader, HttpRequest request) {
        if (leader.isEmpty()) {
            return respond(HttpResponse.text(503, "No leader elected"));
        }
        String base = "//" + MasterInfos.hostname(leader.get()) + ":" + leader.get().getPort();
        boolean toBase = request.path().equals("/redirect") || request.path().equals("/master/redirect");
        return respond(HttpResponse.redirect(307, toBase ? base : base + request.requestTarget()));
    }

    private static CompletionStage<HttpResponse> respond(HttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
