package org.meseta.console.core;

import java.util.List;

/**
 * What the console knows about the cluster after one successful poll of the master.
 *
 * @param agents the agents the master reports, in the master's order (unmodifiable)
 */
public record ClusterSnapshot(List<AgentRow> agents) {

    /** A cluster without agents. */
    public static final ClusterSnapshot EMPTY = new ClusterSnapshot(List.of());

    public ClusterSnapshot {
        agents = List.copyOf(agents);
    }
}
