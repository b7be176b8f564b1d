package org.meseta.master.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.api.resources.Resources;
import org.meseta.master.internal.agents.Agent;

/** An immutable snapshot of what the master knows, taken on the actor thread and rendered anywhere. */
public record ClusterView(MasterInfo master, Instant startTime, List<AgentView> agents) {

    public long activeAgents() {
        return agents.stream().filter(AgentView::active).count();
    }

    /** One agent in the snapshot. */
    public record AgentView(AgentInfo info, Resources total, String pid, String version, Instant registeredTime,
            Optional<Instant> reregisteredTime, boolean active) {

        static AgentView of(Agent agent) {
            return new AgentView(agent.info(), agent.total(), agent.pid(), agent.version(), agent.registeredTime(),
                    agent.reregisteredTime(), agent.isActive());
        }
    }
}
