package org.meseta.console.ui.actions;

import org.meseta.console.core.model.AgentView;

/** What the console can do to an agent, in the order of its context menu. */
enum AgentAction {
    /** {@code DRAIN_AGENT}, after asking for the grace period and whether to mark it gone. */
    DRAIN("&Drain…"),
    /** {@code DEACTIVATE_AGENT}. */
    DEACTIVATE("D&eactivate"),
    /** {@code REACTIVATE_AGENT}. */
    REACTIVATE("&Reactivate"),
    /** {@code MARK_AGENT_GONE}, after the operator typed the agent's hostname. */
    MARK_GONE("Mark &gone…"),
    /** The agent's isolation settings editor. */
    ISOLATION("&Isolation settings…");

    final String label;

    AgentAction(String label) {
        this.label = label;
    }

    /**
     * Whether the action makes sense for {@code agent} as the console last saw it. The model may be behind (the
     * event stream does not report drains and deactivations), so where in doubt the action is offered and the
     * master's refusal shown.
     */
    boolean appliesTo(AgentView agent) {
        if (this == ISOLATION) {
            // Reached at the address the master describes; an agent only recovered from the registry has none yet.
            return agent.state().isAdmitted() && agent.details().isPresent();
        }
        return switch (agent.state()) {
            case ACTIVE, DISCONNECTED -> this != REACTIVATE;
            case DEACTIVATED -> this != DEACTIVATE;
            case DRAINING, DRAINED -> this == REACTIVATE || this == MARK_GONE;
            case UNREACHABLE -> this == MARK_GONE;
            case GONE -> false;
        };
    }
}
