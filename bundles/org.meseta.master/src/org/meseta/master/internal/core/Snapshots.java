package org.meseta.master.internal.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.meseta.api.resources.Resources;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.agents.Agent;
import org.meseta.master.internal.frameworks.Framework;
import org.meseta.master.internal.offers.OutstandingOffer;

/** Takes the immutable {@link ClusterView} the endpoints render. Runs on the master's actor thread. */
final class Snapshots {

    private final Cluster cluster;

    Snapshots(Cluster cluster) {
        this.cluster = cluster;
    }

    ClusterView take(Instant startTime) {
        Map<String, Resources> usedByAgent = new HashMap<>();
        List<ClusterView.FrameworkView> frameworks = new ArrayList<>();
        for (Framework framework : cluster.frameworks.all()) {
            Map<String, Resources> used = TaskLifecycle.usedByAgent(framework);
            used.forEach((agent, resources) -> usedByAgent.merge(agent, resources, Resources::plus));
            frameworks.add(view(framework, sum(used.values())));
        }
        List<ClusterView.AgentView> agents = new ArrayList<>();
        for (Agent agent : cluster.agents.all()) {
            agents.add(agentView(cluster, agent, usedByAgent.getOrDefault(agent.id().getValue(),
                    Resources.empty())));
        }
        List<ClusterView.FrameworkView> completed = cluster.frameworks.completed().stream()
                .map(framework -> view(framework, Resources.empty())).toList();
        return new ClusterView(cluster.info, startTime, Optional.ofNullable(cluster.electedTime), agents, frameworks,
                completed, cluster.agents.allUnreachable().size(), Map.copyOf(cluster.weights),
                Collections.unmodifiableSortedMap(new TreeMap<>(cluster.quotas)),
                List.copyOf(cluster.agents.recovered()));
    }

    /** One agent as {@link #take} shows it. */
    static ClusterView.AgentView agent(Cluster cluster, Agent agent) {
        Resources used = Resources.empty();
        for (Framework framework : cluster.frameworks.all()) {
            used = used.plus(TaskLifecycle.usedByAgent(framework).getOrDefault(agent.id().getValue(),
                    Resources.empty()));
        }
        return agentView(cluster, agent, used);
    }

    /** One registered framework as {@link #take} shows it. */
    static ClusterView.FrameworkView framework(Cluster cluster, Framework framework) {
        return frameworkView(cluster, framework, sum(TaskLifecycle.usedByAgent(framework).values()));
    }

    private static ClusterView.AgentView agentView(Cluster cluster, Agent agent, Resources used) {
        return new ClusterView.AgentView(agent.info(), agent.total(), used,
                offered(cluster.offers.onAgent(agent.id())), agent.pid(), agent.version(), agent.registeredTime(),
                agent.reregisteredTime(), cluster.agents.isActive(agent), cluster.agents.isDeactivated(agent.id()),
                cluster.agents.drainInfo(agent.id()), agent.drainStartTime());
    }

    private ClusterView.FrameworkView view(Framework framework, Resources used) {
        return frameworkView(cluster, framework, used);
    }

    private static ClusterView.FrameworkView frameworkView(Cluster cluster, Framework framework, Resources used) {
        Map<String, List<ExecutorInfo>> executors = new LinkedHashMap<>();
        framework.executors().forEach((agent, byId) -> executors.put(agent, List.copyOf(byId.values())));
        List<OutstandingOffer> offers = List.copyOf(cluster.offers.of(framework.id()));
        return new ClusterView.FrameworkView(framework.info(), framework.isConnected(), framework.isConnected(),
                framework.isRecovered(), framework.registeredTime(), framework.reregisteredTime(),
                framework.unregisteredTime(), List.copyOf(framework.tasks()),
                List.copyOf(framework.unreachableTasks()), List.copyOf(framework.completedTasks()), offers,
                executors, used, offered(offers));
    }

    private static Resources offered(Iterable<OutstandingOffer> offers) {
        Resources offered = Resources.empty();
        for (OutstandingOffer offer : offers) {
            offered = offered.plus(offer.resources());
        }
        return offered;
    }

    private static Resources sum(Iterable<Resources> all) {
        Resources sum = Resources.empty();
        for (Resources resources : all) {
            sum = sum.plus(resources);
        }
        return sum;
    }
}
