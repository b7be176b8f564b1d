package org.meseta.master.internal.core;

import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.DrainConfig;
import org.apache.mesos.v1.Protos.DrainInfo;
import org.apache.mesos.v1.Protos.DrainState;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.http.ResponseStream;
import org.meseta.master.internal.agents.Agent;

/**
 * The operator's calls on agents, as Mesos 1.11 answers them:
 * <pre>
 *            DEACTIVATE_AGENT                  DRAIN_AGENT                        no task left, every terminal
 *   active ──────────────────► deactivated   ─────────────► DRAINING (deactivated) ──update acknowledged──► DRAINED
 *     ▲                            │                          REACTIVATE refused                  mark_gone │
 *     └────── REACTIVATE_AGENT ────┴──────────────────────────────────────────── REACTIVATE_AGENT ◄──────────┤
 *                                                                                                           ▼
 *   MARK_AGENT_GONE, at any time, of an admitted or unreachable agent ───────────────────────────────────► gone
 * </pre>
 * A deactivated agent keeps running its tasks; its offers are rescinded and nothing of it is offered. A draining
 * agent is told to kill its tasks ({@link AgentEvent.Drain}), again whenever it subscribes while still DRAINING. A
 * gone agent's tasks end as TASK_GONE_BY_OPERATOR, it is told to shut down, and it is refused if it comes back. What
 * the operator decided is kept by agent id, in memory only. Runs on the master's actor thread.
 */
public final class AgentMaintenance {

    private static final System.Logger LOG = System.getLogger(AgentMaintenance.class.getName());

    /** Mesos's reason for every task of a gone agent, and for the agent's shutdown. */
    static final String GONE = "Agent has been marked gone";

    private static final Refusal UNKNOWN_AGENT = new Refusal(400, "Unknown agent");

    private final Cluster cluster;
    private final OfferLifecycle offers;
    private final TaskLifecycle tasks;

    AgentMaintenance(Cluster cluster, OfferLifecycle offers, TaskLifecycle tasks) {
        this.cluster = cluster;
        this.offers = offers;
        this.tasks = tasks;
    }

    /** DEACTIVATE_AGENT of an admitted or unreachable agent. */
    Optional<Refusal> deactivate(AgentID id) {
        if (!cluster.agents.isKnown(id)) {
            return Optional.of(UNKNOWN_AGENT);
        }
        cluster.agents.deactivate(id);
        cluster.agents.find(id).ifPresent(this::withdraw);
        LOG.log(System.Logger.Level.INFO, "Deactivated agent {0}", id.getValue());
        return Optional.empty();
    }

    /**
     * REACTIVATE_AGENT: refused while the agent is not deactivated or still DRAINING. As in Mesos, an unreachable
     * agent is reactivated for when it returns, but the call answers 409.
     */
    Optional<Refusal> reactivate(AgentID id) {
        if (!cluster.agents.isDeactivated(id)) {
            return Optional.of(new Refusal(400, "Agent is not deactivated"));
        }
        if (cluster.agents.drainInfo(id).map(DrainInfo::getState).orElse(null) == DrainState.DRAINING) {
            return Optional.of(new Refusal(400, "Agent is still in the DRAINING state"));
        }
        cluster.agents.reactivate(id);
        Optional<Agent> agent = cluster.agents.find(id);
        if (agent.isEmpty()) {
            return Optional.of(new Refusal(409, "Agent removed while processing the call"));
        }
        agent.get().drainStarted(Optional.empty());
        if (agent.get().isConnected()) {
            cluster.allocator.activateAgent(id);
        }
        LOG.log(System.Logger.Level.INFO, "Reactivated agent {0}", id.getValue());
        return Optional.empty();
    }

    /** DRAIN_AGENT of an admitted or unreachable agent (an unreachable one is told when it returns). */
    Optional<Refusal> drain(AgentID id, DrainConfig config) {
        if (!cluster.agents.isKnown(id)) {
            return Optional.of(UNKNOWN_AGENT);
        }
        cluster.agents.drain(id, config);
        LOG.log(System.Logger.Level.INFO, "Draining agent {0} (max grace period {1}, mark gone {2})", id.getValue(),
                config.hasMaxGracePeriod() ? config.getMaxGracePeriod().getNanoseconds() + "ns" : "none",
                config.getMarkGone());
        cluster.agents.find(id).ifPresent(agent -> {
            withdraw(agent);
            tellToDrain(agent, config);
        });
        return Optional.empty();
    }

    /**
     * MARK_AGENT_GONE of an admitted or unreachable agent; marking a gone agent again changes nothing. The agent's
     * tasks end, frameworks are told, an admitted agent is told to shut down and removed.
     */
    Optional<Refusal> markGone(AgentID id) {
        if (cluster.agents.gone(id).isPresent()) {
            LOG.log(System.Logger.Level.WARNING, "Agent {0} is already gone", id.getValue());
            return Optional.empty();
        }
        if (!cluster.agents.isKnown(id)) {
            return Optional.of(new Refusal(404, "Agent '" + id.getValue() + "' not found"));
        }
        Optional<Agent> admitted = cluster.agents.find(id);
        admitted.ifPresent(offers::rescindAll);
        tasks.agentGone(id, admitted.isPresent(), cluster.now());
        cluster.agents.markGone(id, cluster.now());
        admitted.ifPresent(agent -> {
            cluster.allocator.removeAgent(id);
            agent.send(new AgentEvent.Shutdown(GONE));
            Optional<ResponseStream> link = agent.link();
            agent.disconnect();
            link.ifPresent(ResponseStream::close);
            cluster.operatorEvents.agentRemoved(id);
        });
        LOG.log(System.Logger.Level.WARNING, "Agent {0} is marked gone", id.getValue());
        return Optional.empty();
    }

    /**
     * The agent subscribed again (it had been admitted, or it was unreachable or unknown): what the operator decided
     * holds. A deactivated agent stays out of the allocation; a DRAINING one is told to drain again.
     */
    void readmitted(Agent agent) {
        if (cluster.agents.isDeactivated(agent.id())) {
            cluster.allocator.deactivateAgent(agent.id());
        }
        cluster.agents.drainInfo(agent.id()).filter(info -> info.getState() == DrainState.DRAINING)
                .ifPresent(info -> tellToDrain(agent, info.getConfig()));
    }

    /** Whether the agent was marked gone: it must not be admitted again. */
    boolean isGone(AgentID id) {
        return cluster.agents.gone(id).isPresent();
    }

    /**
     * A task of the agent left the master's books (its terminal update was acknowledged, or its framework was
     * removed): a DRAINING agent without tasks is DRAINED, and marked gone if its drain says so.
     */
    void taskRemoved(AgentID id) {
        Optional<DrainInfo> drain = cluster.agents.drainInfo(id).filter(info -> info.getState() == DrainState.DRAINING);
        if (drain.isEmpty() || cluster.agents.find(id).isEmpty() || tasks.hasTasksOn(id)) {
            return;
        }
        cluster.agents.drained(id);
        LOG.log(System.Logger.Level.INFO, "Agent {0} is drained", id.getValue());
        if (drain.get().getConfig().getMarkGone()) {
            markGone(id);
        }
    }

    private void tellToDrain(Agent agent, DrainConfig config) {
        agent.send(new AgentEvent.Drain(config));
        agent.drainStarted(Optional.of(cluster.now()));
        taskRemoved(agent.id());
    }

    /** Nothing of the agent is offered any more, and its outstanding offers are rescinded. */
    private void withdraw(Agent agent) {
        offers.rescindAll(agent);
        cluster.allocator.deactivateAgent(agent.id());
    }
}
