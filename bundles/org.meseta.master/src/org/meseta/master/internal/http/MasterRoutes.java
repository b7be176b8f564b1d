package org.meseta.master.internal.http;

import org.meseta.api.agentlink.AgentLink;
import org.meseta.daemon.CommonEndpoints;
import org.meseta.daemon.Metrics;
import org.meseta.daemon.files.FileAttachments;
import org.meseta.daemon.files.FilesEndpoints;
import org.meseta.http.HttpHandler;
import org.meseta.http.Router;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.MasterConfig;
import org.meseta.master.internal.election.Leadership;

/**
 * The master's HTTP surface. As in Mesos, every master endpoint answers both as {@code /X} and
 * {@code /master/X}; the pre-1.8 {@code .json} aliases are kept for old tools. The {@code /files} endpoints belong
 * to Mesos's separate {@code files} process and answer as {@code /files/X} only. What a master that does not lead
 * answers is {@link LeaderGate}'s business.
 */
public final class MasterRoutes {

    private MasterRoutes() {}

    /**
     * @param leadership whether this master leads, and which one does
     * @param files what {@code /files} serves: the master's log file, when it writes one
     */
    public static HttpHandler router(Master master, Leadership leadership, MasterConfig config,
            FileAttachments files) {
        Router.Builder anyMaster = Router.builder();
        CommonEndpoints.addTo(anyMaster, config.flags(), "", "/master");
        anyMaster.route("GET", request -> LeaderGate.redirect(leadership.leader(), request), "/redirect",
                "/master/redirect");
        // As the files process, Mesos's metrics process is not the master's: it answers at the root only.
        Metrics.addTo(anyMaster, master::metrics);
        FilesEndpoints.addTo(anyMaster, files);
        Router.Builder recovered = Router.builder();
        recovered.route("POST", new OperatorApi(master, config, files)::handle, "/api/v1", "/master/api/v1");
        recovered.route("POST", new SchedulerApi(master)::handle, "/api/v1/scheduler", "/master/api/v1/scheduler");
        AgentLinkApi agentLink = new AgentLinkApi(master);
        recovered.route("POST", AgentLink.SUBSCRIBE_PATH, agentLink::subscribe);
        recovered.route("POST", AgentLink.CALL_PATH, agentLink::call);
        return new LeaderGate(leadership, anyMaster.build(), leaderRoutes(master, config), recovered.build());
    }

    /** The endpoints only the elected master serves, even before it has recovered. */
    private static Router leaderRoutes(Master master, MasterConfig config) {
        StateEndpoint state = new StateEndpoint(master, config);
        WeightsEndpoint weights = new WeightsEndpoint(master);
        Router.Builder routes = Router.builder();
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
        routes.route("GET", new OfferStreamEndpoint(master)::subscribe, OfferStreamEndpoint.PATH,
                "/master" + OfferStreamEndpoint.PATH);
        return routes.build();
    }
}
