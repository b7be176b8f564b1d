package org.meseta.master.internal.http;

import org.meseta.api.agentlink.AgentLink;
import org.meseta.daemon.CommonEndpoints;
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
        routes.route("GET", state::state, "/state", "/master/state", "/state.json", "/master/state.json");
        routes.route("POST", operator::handle, "/api/v1", "/master/api/v1");
        routes.route("POST", AgentLink.SUBSCRIBE_PATH, agentLink::subscribe);
        routes.route("POST", AgentLink.CALL_PATH, agentLink::call);
        return routes.build();
    }
}
