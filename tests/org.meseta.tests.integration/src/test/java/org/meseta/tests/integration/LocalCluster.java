package org.meseta.tests.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * A {@code meseta-local} process (a master and its agents) shared by the tests of one class, each test bringing its
 * own frameworks.
 */
final class LocalCluster implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(60);

    private final MesetaProcess process;
    private final int port;
    private final int agents;

    private LocalCluster(MesetaProcess process, int port, int agents) {
        this.process = process;
        this.port = port;
        this.agents = agents;
    }

    /** Starts {@code agents} agents (with {@code flags}, e.g. {@code --resources}) and waits until all are active. */
    static LocalCluster start(String name, Path workDir, int agents, String... flags) {
        int port = Cluster.freePorts(agents + 1);
        List<String> args = new ArrayList<>(List.of("--port=" + port, "--num_agents=" + agents,
                "--work_dir=" + workDir));
        args.addAll(List.of(flags));
        LocalCluster cluster = new LocalCluster(MesetaProcess.start(name, "daemons/bin/meseta-local",
                args.toArray(String[]::new)), port, agents);
        Cluster.awaitState(cluster.master(), START, agents + " active agents",
                state -> Cluster.activeAgents(state) == agents);
        return cluster;
    }

    /** The master's {@code host:port}. */
    String master() {
        return "127.0.0.1:" + port;
    }

    /** The {@code host:port} of every agent. */
    List<String> agents() {
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= agents; i++) {
            addresses.add("127.0.0.1:" + (port + i));
        }
        return addresses;
    }

    /** The {@code /slave(1)/state} of the agent with this id. */
    JsonNode agentState(String agentId) {
        for (String agent : agents()) {
            Optional<JsonNode> state = Cluster.getJson(agent, "/slave(1)/state");
            if (state.isPresent() && agentId.equals(state.get().path("id").asText())) {
                return state.get();
            }
        }
        throw new AssertionError("No agent " + agentId + " among " + agents());
    }

    /** The agent address ({@code host:port}) of the agent with this id. */
    String agentAddress(String agentId) {
        for (String agent : agents()) {
            Optional<JsonNode> state = Cluster.getJson(agent, "/slave(1)/state");
            if (state.isPresent() && agentId.equals(state.get().path("id").asText())) {
                return agent;
            }
        }
        throw new AssertionError("No agent " + agentId + " among " + agents());
    }

    /** The sandbox directory of {@code executorId} of {@code frameworkId} on the agent, running or completed. */
    String sandbox(String agentId, String frameworkId, String executorId) {
        JsonNode state = agentState(agentId);
        for (String frameworks : List.of("frameworks", "completed_frameworks")) {
            for (JsonNode framework : state.path(frameworks)) {
                if (!frameworkId.equals(framework.path("id").asText())) {
                    continue;
                }
                for (String executors : List.of("executors", "completed_executors")) {
                    Optional<JsonNode> executor = StreamSupport.stream(framework.path(executors).spliterator(), false)
                            .filter(e -> executorId.equals(e.path("id").asText())).findFirst();
                    if (executor.isPresent()) {
                        return executor.get().path("directory").asText();
                    }
                }
            }
        }
        throw new AssertionError("No executor " + executorId + " of " + frameworkId + " in " + state);
    }

    String stderr() {
        return process.stderr();
    }

    @Override
    public void close() {
        process.close();
    }
}
