package org.meseta.master.internal.http;

import org.meseta.api.agentlink.AgentLink;
import org.meseta.daemon.CommonEndpoints;
import org.meseta.http.HttpHandler;
import org.meseta.http.Router;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.MasterConfig;

/**
 * The master's HTTP surface. As in Mesos, every master endpoint answers both as {@code /X} and
 * {@code /master/X}; the pre-1.8 {@code .json} aliases are kept for old tools.
 */
public final class MasterRoutes {

    private MasterRoutes() {}

    public static Router router(Master master, MasterConfig config) {
        StateEndpoint state = new StateEndpoint(master, config);
        OperatorApi operator = new OperatorApi(master, config);
        AgentLinkApi agentLink = new AgentLinkApi(master);
        Router.Builder routes = Router.builder();
        CommonEndpoints.addTo(routes, config.flags(), "", "/master");
        get(routes, state::state, "/state", "/state.json");
        post(routes, operator::handle, "/api/v1");
        routes.route("POST", AgentLink.SUBSCRIBE_PATH, agentLink::subscribe);
        routes.route("POST", AgentLink.PONG_PATH, agentLink::pong);
        return routes.build();
    }

    private static void get(Router.Builder routes, HttpHandler handler, String... paths) {
        for (String path : paths) {
            routes.route("GET", path, handler);
            routes.route("GET", "/master" + path, handler);
        }
    }

    private static void post(Router.Builder routes, HttpHandler handler, String path) {
        routes.route("POST", path, handler);
        routes.route("POST", "/master" + path, handler);
    }
}
