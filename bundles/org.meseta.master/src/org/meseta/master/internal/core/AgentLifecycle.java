package org.meseta.master.internal.core;

import java.time.Duration;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.recordio.RecordIO;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Actor;
import org.meseta.http.ResponseStream;
import org.meseta.master.internal.agents.Agent;
import org.meseta.master.internal.agents.Agents;

/**
 * Agents joining, answering pings, disconnecting and becoming unreachable, as Mesos's agent health checks work:
 * <pre>
 *   subscribe ──► active ──link ends──► inactive ──no new link within ping timeout × max pings──► unreachable
 *                   │  ▲                   │                                                        │
 *                   │  └──── subscribe ────┘                                                        │
 *                   └── max_agent_ping_timeouts pings unanswered ─────────────────────────────────►─┘
 * </pre>
 * An inactive agent's offers are rescinded and nothing of it is offered. An unreachable agent's tasks become
 * TASK_UNREACHABLE (TASK_LOST for frameworks that are not partition-aware); if it subscribes again, its tasks are
 * taken back. Both ways to unreachable go through {@link UnreachableTransitions} ({@code --agent_removal_rate_limit}):
 * while its transition waits, the agent is still pinged, and a pong or a new subscription cancels it. Runs on the
 * master's actor thread.
 */
public final class AgentLifecycle {

    private static final System.Logger LOG = System.getLogger(AgentLifecycle.class.getName());
    private static final String HEALTH_CHECK_TIMED_OUT = "health check timed out";

    private final Cluster cluster;
    private final OfferLifecycle offers;
    private final TaskLifecycle tasks;
    private final AgentMaintenance maintenance;
    private final AgentAdoption adoption;

    AgentLifecycle(Cluster cluster, OfferLifecycle offers, TaskLifecycle tasks, AgentMaintenance maintenance) {
        this.cluster = cluster;
        this.offers = offers;
        this.tasks = tasks;
        this.maintenance = maintenance;
        this.adoption = new AgentAdoption(cluster, tasks);
    }

    /**
     * Admits the agent with its validated {@code total} resources; {@code link} carries its events from now on. An
     * agent the operator marked gone is refused as Mesos does it: it is told to shut down and the link is closed.
     */
    AgentID subscribe(AgentSubscribe request, Resources total, ResponseStream link) {
        AgentID requested = request.agentInfo().getId();
        if (maintenance.isGone(requested)) {
            LOG.log(System.Logger.Level.WARNING, "Refused agent {0} at {1}: it was marked gone", requested.getValue(),
                    request.pid());
            link.write(RecordIO.frame(new AgentEvent.Shutdown(AgentMaintenance.GONE).toJson()));
            link.close();
            return requested;
        }
        cluster.unreachableTransitions.cancel(requested);
        Agents.Admission admission = cluster.agents.admit(request, total, cluster.now());
        Agent agent = admission.agent();
        agent.link().ifPresent(ResponseStream::close);
        agent.connect(link, schedulePing(agent.id()));
        link.closeFuture().whenComplete((ignored, failure) -> cluster.actor.run(() -> linkClosed(agent.id(), link)));
        agent.send(new AgentEvent.Registered(agent.id(), cluster.info, cluster.config.agentPingTimeout(),
                cluster.config.maxAgentPingTimeouts()));
        switch (admission.kind()) {
            case NEW, RECOVERED, UNKNOWN_RETURNED, UNREACHABLE_RETURNED -> {
                cluster.allocator.addAgent(agent.id(), agent.info(), agent.total(),
                        adoption.adopt(agent, request, admission.kind()));
                cluster.operatorEvents.agentAdded(agent);
            }
            case KNOWN -> {
                adoption.reconcile(agent, request);
                if (!cluster.agents.isDeactivated(agent.id())) {
                    cluster.allocator.activateAgent(agent.id());
                }
            }
        }
        maintenance.readmitted(agent);
        LOG.log(System.Logger.Level.INFO, "{0} agent {1} at {2} ({3})",
                admission.kind() == Agents.Admission.Kind.NEW ? "Admitted" : "Re-admitted", agent.id().getValue(),
                agent.pid(), agent.info().getHostname());
        return agent.id();
    }

    /** Records a pong: the agent is healthy, and stays if its transition to unreachable still waits. */
    void pong(Agent agent) {
        agent.ponged();
        cluster.unreachableTransitions.cancel(agent.id());
    }

    private Actor.Timer schedulePing(AgentID id) {
        return cluster.actor.schedule(cluster.config.agentPingTimeout(), () -> pingDue(id));
    }

    private void pingDue(AgentID id) {
        Optional<Agent> found = cluster.agents.find(id);
        if (found.isEmpty() || found.get().link().isEmpty()) {
            return;
        }
        Agent agent = found.get();
        int missed = agent.pingDue();
        if (missed >= cluster.config.maxAgentPingTimeouts()) {
            if (missed == cluster.config.maxAgentPingTimeouts()) {
                LOG.log(System.Logger.Level.WARNING, "Agent {0} at {1} did not answer {2} pings; marking it"
                        + " unreachable", id.getValue(), agent.pid(), missed);
            }
            cluster.unreachableTransitions.schedule(id, () -> healthCheckFailed(agent));
            if (!agent.isConnected()) {
                return; // it became unreachable at once
            }
        }
        agent.send(new AgentEvent.Ping());
        agent.schedulePings(schedulePing(id));
    }

    /** The agent's turn to become unreachable came: it still had not answered, nor subscribed again. */
    private void healthCheckFailed(Agent agent) {
        if (cluster.agents.find(agent.id()).orElse(null) != agent) {
            return;
        }
        agent.link().ifPresent(link -> {
            deactivate(agent);
            link.close();
        });
        markUnreachable(agent, HEALTH_CHECK_TIMED_OUT);
    }

    /**
     * The link ended: the agent is inactive, and unreachable unless it subscribes again within as long as its health
     * checks would take to fail (a Mesos master keeps pinging a disconnected agent until they do).
     */
    private void linkClosed(AgentID id, ResponseStream link) {
        Optional<Agent> found = cluster.agents.find(id);
        if (found.isEmpty() || found.get().link().orElse(null) != link) {
            return;
        }
        Agent agent = found.get();
        deactivate(agent);
        Duration grace = cluster.config.agentPingTimeout().multipliedBy(cluster.config.maxAgentPingTimeouts());
        agent.awaitReconnection(cluster.actor.schedule(grace, () -> cluster.agents.find(id)
                .filter(current -> current == agent && !current.isConnected())
                .ifPresent(current -> cluster.unreachableTransitions.schedule(id, () -> healthCheckFailed(current)))));
        LOG.log(System.Logger.Level.INFO, "Agent {0} at {1} disconnected; marking it inactive", id.getValue(),
                agent.pid());
    }

    private void deactivate(Agent agent) {
        agent.disconnect();
        offers.rescindAll(agent);
        cluster.allocator.deactivateAgent(agent.id());
    }

    private void markUnreachable(Agent agent, String reason) {
        tasks.agentLost(agent, reason, cluster.now());
        cluster.allocator.removeAgent(agent.id());
        cluster.agents.markUnreachable(agent, cluster.now());
        cluster.operatorEvents.agentRemoved(agent.id());
        LOG.log(System.Logger.Level.WARNING, "Agent {0} at {1} is unreachable: {2}", agent.id().getValue(),
                agent.pid(), reason);
    }

    /** Closes every agent link (agents will subscribe to the next master). */
    void closeLinks() {
        cluster.agents.all().forEach(agent -> agent.link().ifPresent(ResponseStream::close));
    }
}
