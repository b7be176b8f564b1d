package org.meseta.console.core.model;

import org.apache.mesos.v1.master.Protos.Response.GetAgents;

/**
 * Where an agent stands with the master, as far as the operator API tells it.
 *
 * <p>The operator event stream reports agents joining ({@code AGENT_ADDED}) and leaving ({@code AGENT_REMOVED}),
 * but, as in Mesos, not an admitted agent disconnecting, reconnecting, draining, being deactivated or reactivated:
 * those states are as the last snapshot ({@code SUBSCRIBED}, or {@code AGENT_ADDED}) showed them until the client
 * takes a new one ({@link org.meseta.console.core.ClusterClient#resync()}).
 */
public enum AgentState {
    /** Connected and offered to frameworks. */
    ACTIVE("active"),
    /** Admitted, but its connection is down (or, after a master failover, it has not re-registered yet). */
    DISCONNECTED("disconnected"),
    /** Being drained: its tasks are being killed and it gets no new ones. */
    DRAINING("draining"),
    /** Drained: its tasks are gone and it gets no new ones until it is reactivated. */
    DRAINED("drained"),
    /** Deactivated by an operator: it keeps its tasks but gets no new ones. */
    DEACTIVATED("deactivated"),
    /** Removed by the master after it stopped answering; it may come back. */
    UNREACHABLE("unreachable"),
    /** Marked gone by an operator; it may never come back. */
    GONE("gone");

    private final String label;

    AgentState(String label) {
        this.label = label;
    }

    /** The lower-case word the console shows. */
    public String label() {
        return label;
    }

    /** Whether the master still counts the agent as part of the cluster (it was not removed). */
    public boolean isAdmitted() {
        return switch (this) {
            case ACTIVE, DISCONNECTED, DRAINING, DRAINED, DEACTIVATED -> true;
            case UNREACHABLE, GONE -> false;
        };
    }

    /** The state of an admitted agent as the master describes it in {@code GET_AGENTS} or {@code AGENT_ADDED}. */
    public static AgentState of(GetAgents.Agent agent) {
        if (agent.hasDrainInfo()) {
            return switch (agent.getDrainInfo().getState()) {
                case DRAINING -> DRAINING;
                case DRAINED -> DRAINED;
                case UNKNOWN -> agent.getDeactivated() ? DEACTIVATED : DRAINING;
            };
        }
        if (agent.getDeactivated()) {
            return DEACTIVATED;
        }
        return agent.getActive() ? ACTIVE : DISCONNECTED;
    }
}
