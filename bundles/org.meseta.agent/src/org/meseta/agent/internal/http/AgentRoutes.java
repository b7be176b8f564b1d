package org.meseta.agent.internal.http;

import org.meseta.agent.internal.Agent;
import org.meseta.agent.internal.containerizer.IsolationControl;
import org.meseta.daemon.CommonEndpoints;
import org.meseta.daemon.Metrics;
import org.meseta.daemon.files.FilesEndpoints;
import org.meseta.http.Router;

/**
 * The agent's HTTP surface. As in Mesos, the agent process is {@code slave(1)} and every endpoint answers
 * both as {@code /X} and {@code /slave(1)/X}; clients build these URLs from the agent's pid. The sandbox files
 * endpoints belong to Mesos's separate {@code files} process and answer as {@code /files/X} only.
 */
public final class AgentRoutes {

    private static final String PROCESS = "/slave(1)";

    private AgentRoutes() {}

    /** @param isolation the isolation settings, served as Meseta's {@code /api/v1/meseta/isolation} */
    public static Router router(Agent agent, IsolationControl isolation) {
        Router.Builder routes = Router.builder();
        CommonEndpoints.addTo(routes, agent.config().flags(), "", PROCESS);
        AgentStateEndpoint state = new AgentStateEndpoint(agent);
        routes.route("GET", state::state, "/state", PROCESS + "/state", "/state.json", PROCESS + "/state.json");
        MonitorEndpoint monitor = new MonitorEndpoint(agent);
        routes.route("GET", monitor::statistics, "/monitor/statistics", PROCESS + "/monitor/statistics",
                "/monitor/statistics.json", PROCESS + "/monitor/statistics.json");
        OperatorApi operator = new OperatorApi(agent);
        routes.route("POST", operator::handle, "/api/v1", PROCESS + "/api/v1");
        IsolationEndpoint settings = new IsolationEndpoint(isolation);
        String[] settingsPaths = {IsolationEndpoint.PATH, PROCESS + IsolationEndpoint.PATH};
        routes.route("GET", settings::get, settingsPaths);
        routes.route("PUT", settings::update, settingsPaths);
        routes.route("POST", settings::update, settingsPaths);
        ExecutorApi executors = new ExecutorApi(agent);
        routes.route("POST", executors::handle, "/api/v1/executor", PROCESS + "/api/v1/executor");
        // As in Mesos, the files and metrics processes are not the agent's: they answer at the root only.
        Metrics.addTo(routes, agent::metrics);
        FilesEndpoints.addTo(routes, agent.files());
        return routes.build();
    }
}
