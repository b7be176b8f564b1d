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
    private final Map<String, Unreachable> unreachable = new LinkedHashMap<>();
    private long nextId;

    public Agents(String masterId) {
        this.masterId = masterId;
    }

    /**
     * Admits a new agent or re-admits a known one; returns it with {@code info().getId()} set. An agent that asks
     * for an id is re-admitted under it even if this master has never seen it (it was admitted by an earlier
     * master) or marked it unreachable.
     */
    public Admission admit(AgentSubscribe request, Resources total, Instant now) {
        AgentInfo requested = request.agentInfo();
        if (requested.hasId() && !requested.getId().getValue().isEmpty()) {
            boolean wasUnreachable = unreachable.remove(requested.getId().getValue()) != null;
            Agent known = byId.get(requested.getId().getValue());
            if (known != null) {
                known.reregistered(requested, total, request.pid(), request.version(), now);
                return new Admission(known, Admission.Kind.KNOWN);
            }
            return new Admission(add(requested, total, request, now),
                    wasUnreachable ? Admission.Kind.UNREACHABLE_RETURNED : Admission.Kind.UNKNOWN_RETURNED);
        }
        AgentID id = AgentID.newBuilder().setValue(masterId + "-S" + nextId++).build();
        return new Admission(add(requested.toBuilder().setId(id).build(), total, request, now),
                Admission.Kind.NEW);
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

    /**
     * Moves an agent to the unreachable ones: it is no longer admitted, but it may subscribe again under its id
     * (it was partitioned, not removed).
     */
    public void markUnreachable(Agent agent, Instant now) {
        byId.remove(agent.id().getValue());
        unreachable.put(agent.id().getValue(), new Unreachable(agent.info(), now));
    }

    /** When the agent was marked unreachable, if it is. */
    public Optional<Unreachable> unreachable(AgentID id) {
        return Optional.ofNullable(unreachable.get(id.getValue()));
    }

    public Collection<Unreachable> allUnreachable() {
        return Collections.unmodifiableCollection(unreachable.values());
    }

    /** An agent that stopped answering: what it was, and since when. */
    public record Unreachable(AgentInfo info, Instant since) {}

    /** The outcome of {@link #admit}: the agent and how this master knew it. */
    public record Admission(Agent agent, Kind kind) {

        /** How the master knew the agent before it subscribed. */
        public enum Kind {
            /** Never admitted before: it gets a new id. */
            NEW,
            /** Admitted by this master, and admitted still (its link broke or was replaced). */
            KNOWN,
            /** Marked unreachable by this master, and back. */
            UNREACHABLE_RETURNED,
            /** Admitted by an earlier master (a failover or restart happened), asking for its id. */
            UNKNOWN_RETURNED
        }
    }
}
