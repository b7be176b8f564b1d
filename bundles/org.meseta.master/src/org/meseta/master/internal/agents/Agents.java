package org.meseta.master.internal.agents;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.resources.Resources;

/**
 * The agents this master has admitted, by id. Confined to the master's actor thread.
 *
 * <p>Ids follow Mesos: {@code <master id>-S<n>}. An agent that subscribes with an id is re-admitted under
 * that id even if this master has never seen it (it was admitted by an earlier master), as Mesos does for
 * agents re-registering after a master failover.
 */
public final class Agents {

    private final String masterId;
    private final Map<String, Agent> byId = new LinkedHashMap<>();
    private long nextId;

    public Agents(String masterId) {
        this.masterId = masterId;
    }

    /** Admits a new agent or re-admits a known one; returns it with {@code info().getId()} set. */
    public Admission admit(AgentSubscribe request, Resources total, Instant now) {
        AgentInfo requested = request.agentInfo();
        if (requested.hasId() && !requested.getId().getValue().isEmpty()) {
            Agent known = byId.get(requested.getId().getValue());
            if (known != null) {
                known.reregistered(requested, total, request.pid(), request.version(), now);
                return new Admission(known, true);
            }
            return new Admission(add(requested, total, request, now), true);
        }
        AgentID id = AgentID.newBuilder().setValue(masterId + "-S" + nextId++).build();
        return new Admission(add(requested.toBuilder().setId(id).build(), total, request, now), false);
    }

    private Agent add(AgentInfo info, Resources total, AgentSubscribe request, Instant now) {
        Agent agent = new Agent(info, total, request.pid(), request.version(), now);
        byId.put(info.getId().getValue(), agent);
        return agent;
    }

    public Optional<Agent> find(AgentID id) {
        return Optional.ofNullable(byId.get(id.getValue()));
    }

    public Collection<Agent> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** The outcome of {@link #admit}: the agent and whether it had been admitted before. */
    public record Admission(Agent agent, boolean readmitted) {}
}
