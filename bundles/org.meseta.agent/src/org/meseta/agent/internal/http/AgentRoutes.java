package org.meseta.agent.internal.http;

import org.meseta.agent.internal.Agent;
import org.meseta.daemon.CommonEndpoints;
import org.meseta.http.Router;

/**
 * The agent's HTTP surface. As in Mesos, the agent process is {@code slave(1)} and every endpoint answers
 * both as {@code /X} and {@code /slave(1)/X}; clients build these URLs from the agent's pid.
 */
public final class AgentRoutes {

    private static final String PROCESS = "/slave(1)";

    private AgentRoutes() {}

    public static Router router(Agent agent) {
        Router.Builder routes = Router.builder();
        CommonEndpoints.addTo(routes, agent.config().flags(), "", PROCESS);
        AgentStateEndpoint state = new AgentStateEndpoint(agent);
        routes.route("GET", state::state, "/state", PROCESS + "/state", "/state.json", PROCESS + "/state.json");
        return routes.build();
    }
}
