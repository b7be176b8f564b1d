package org.meseta.master.internal.http;

import org.meseta.api.agentlink.AgentLink;
import java.util.concurrent.CompletableFuture;
import org.meseta.daemon.CommonEndpoints;
import org.meseta.daemon.Metrics;
import org.meseta.daemon.files.FileAttachments;
import org.meseta.daemon.files.FilesEndpoints;
import org.meseta.http.HttpHandler;
import org.meseta.http.HttpResponse;
import org.meseta.http.Router;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.MasterConfig;

/**
 * The master's HTTP surface. As in Mesos, every master endpoint answers both as {@code /X} and
 * {@code /master/X}; the pre-1.8 {@code .json} aliases are kept for old tools. The {@code /files} endpoints belong
 * to Mesos's separate {@code files} process and answer as {@code /files/X} only.
 */
public final class MasterRoutes {

    private MasterRoutes() {}

    /**
     * {@code /redirect}: 307 to the leading master, {@code //hostname:port}. A master without ZooKeeper leads
     * itself.
     */
    private static HttpHandler redirect(Master master) {
        String location = "//" + master.info().getHostname() + ":" + master.info().getPort();
        return request -> CompletableFuture.completedFuture(HttpResponse.redirect(307, location));
    }

    /** @param files what {@code /files} serves: the master's log file, when it writes one */
    public static Router router(Master master, MasterConfig config, FileAttachments files) {
        StateEndpoint state = new StateEndpoint(master, config);
        OperatorApi operator = new OperatorApi(master, config, files);
        AgentLinkApi agentLink = new AgentLinkApi(master);
        SchedulerApi scheduler = new SchedulerApi(master);
        WeightsEndpoint weights = new WeightsEndpoint(master);
        Router.Builder routes = Router.builder();
        CommonEndpoints.addTo(routes, config.flags(), "", "/master");
        routes.route("GET", state::state, "/state", "/master/state", "/state.json", "/master/state.json");
        routes.route("GET", state::stateSummary, "/state-summary", "/master/state-summary");
        routes.route("GET", state::frameworks, "/frameworks", "/master/frameworks");
        routes.route("GET", state::slaves, "/slaves", "/master/slaves");
        routes.route("GET", state::tasks, "/tasks", "/master/tasks", "/tasks.json", "/master/tasks.json");
        routes.route("GET", new RolesEndpoint(master)::roles, "/roles", "/master/roles", "/roles.json",
                "/master/roles.json");
        routes.route("GET", weights::get, "/weights", "/master/weights");
        routes.route("PUT", weights::put, "/weights", "/master/weights");
        QuotaEndpoint quota = new QuotaEndpoint(master);
        routes.route("GET", quota::get, "/quota", "/master/quota");
        routes.route("POST", quota::post, "/quota", "/master/quota");
        routes.route("DELETE", quota::delete, "/quota", "/master/quota");
        routes.routePrefix("DELETE", "/quota/", quota::delete);
        routes.routePrefix("DELETE", "/master/quota/", quota::delete);
        ReservationEndpoints reservations = new ReservationEndpoints(master);
        routes.route("POST", reservations::reserve, "/reserve", "/master/reserve");
        routes.route("POST", reservations::unreserve, "/unreserve", "/master/unreserve");
        routes.route("POST", new TeardownEndpoint(master)::post, "/teardown", "/master/teardown");
        routes.route("GET", redirect(master), "/redirect", "/master/redirect");
        routes.route("POST", operator::handle, "/api/v1", "/master/api/v1");
        routes.route("GET", new OfferStreamEndpoint(master)::subscribe, OfferStreamEndpoint.PATH,
                "/master" + OfferStreamEndpoint.PATH);
        routes.route("POST", scheduler::handle, "/api/v1/scheduler", "/master/api/v1/scheduler");
        routes.route("POST", AgentLink.SUBSCRIBE_PATH, agentLink::subscribe);
        routes.route("POST", AgentLink.CALL_PATH, agentLink::call);
        // As the files process, Mesos's metrics process is not the master's: it answers at the root only.
        Metrics.addTo(routes, master::metrics);
        FilesEndpoints.addTo(routes, files);
        return routes.build();
    }
}
