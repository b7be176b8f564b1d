package org.meseta.master.internal.agents;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.DrainConfig;
import org.apache.mesos.v1.Protos.DrainInfo;
import org.apache.mesos.v1.Protos.DrainState;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.resources.Resources;
import org.meseta.registry.Registry;
import org.meseta.registry.RegistryOperation;

/**
 * The agents this master has admitted, by id. Confined to the master's actor thread.
 *
 * <p>Ids follow Mesos: {@code <master id>-S<n>}. An agent that subscribes with an id is re-admitted under
 * that id even if this master has never seen it (it was admitted by an earlier master), as Mesos does for
 * agents re-registering after a master failover.
 *
 * <p>What the operator decided about an agent is kept by id, so that it holds while the agent is unreachable and
 * when it comes back: whether it is deactivated (nothing of it is offered), how it is drained, and whether it is
 * gone (it may never come back). Every such change is recorded as a {@link RegistryOperation} in {@code journal},
 * so that the registry holds it; {@link #recover} takes back what an earlier leading master recorded. Agents the
 * registry lists as admitted are <em>recovered</em> until they re-register with this master.
 */
public final class Agents {

    private final String masterId;
    private final Map<String, Agent> byId = new LinkedHashMap<>();
    private final Map<String, Unreachable> unreachable = new LinkedHashMap<>();
    private final Set<String> deactivated = new HashSet<>();
    private final Map<String, DrainInfo> draining = new HashMap<>();
    private final Map<String, Gone> gone = new LinkedHashMap<>();
    /** Admitted by an earlier master (from the registry) and not re-registered with this one yet. */
    private final Map<String, AgentInfo> recovered = new LinkedHashMap<>();
    private final Consumer<RegistryOperation> journal;
    private long nextId;

    /** @param journal told every change the registry keeps, in order */
    public Agents(String masterId, Consumer<RegistryOperation> journal) {
        this.masterId = masterId;
        this.journal = journal;
    }

    /**
     * Takes back what the registry holds, before any agent subscribes: admitted agents become recovered ones
     * (expected to re-register), and the unreachable, gone, deactivated and draining ones are known as they were.
     */
    public void recover(Registry registry) {
        recovered.putAll(registry.admitted());
        registry.unreachable().forEach((id, marked) -> unreachable.put(id, new Unreachable(marked.info(),
                marked.since())));
        registry.gone().forEach((id, marked) -> gone.put(id, new Gone(marked.info(), marked.since())));
        deactivated.addAll(registry.deactivated());
        draining.putAll(registry.draining());
    }

    /** Whether the agent was recovered from the registry and has not re-registered yet. */
    public boolean isRecovered(AgentID id) {
        return recovered.containsKey(id.getValue());
    }

    /** The agents recovered from the registry that have not re-registered yet. */
    public Collection<AgentInfo> recovered() {
        return Collections.unmodifiableCollection(recovered.values());
    }

    /**
     * Marks every recovered agent that has not re-registered unreachable, as Mesos does once
     * {@code --agent_reregister_timeout} has passed; returns them.
     */
    public List<AgentInfo> recoveredAgentsUnreachable(Instant now) {
        List<AgentInfo> late = List.copyOf(recovered.values());
        recovered.clear();
        for (AgentInfo info : late) {
            unreachable.put(info.getId().getValue(), new Unreachable(info, now));
            journal.accept(new RegistryOperation.MarkUnreachable(info, now));
        }
        return late;
    }

    /**
     * Admits a new agent or re-admits a known one; returns it with {@code info().getId()} set. An agent that asks
     * for an id is re-admitted under it even if this master has never seen it (it was admitted by an earlier
     * master) or marked it unreachable. The registry is told of the admission unless it lists the agent, as it
     * is, already.
     */
    public Admission admit(AgentSubscribe request, Resources total, Instant now) {
        AgentInfo requested = request.agentInfo();
        if (requested.hasId() && !requested.getId().getValue().isEmpty()) {
            boolean wasUnreachable = unreachable.remove(requested.getId().getValue()) != null;
            AgentInfo listed = recovered.remove(requested.getId().getValue());
            Agent known = byId.get(requested.getId().getValue());
            if (known != null) {
                known.reregistered(requested, total, request.pid(), request.version(), now);
                return new Admission(known, Admission.Kind.KNOWN);
            }
            Admission.Kind kind = wasUnreachable ? Admission.Kind.UNREACHABLE_RETURNED
                    : listed != null ? Admission.Kind.RECOVERED : Admission.Kind.UNKNOWN_RETURNED;
            return new Admission(add(requested, total, request, now, requested.equals(listed)), kind);
        }
        AgentID id = AgentID.newBuilder().setValue(masterId + "-S" + nextId++).build();
        return new Admission(add(requested.toBuilder().setId(id).build(), total, request, now, false),
                Admission.Kind.NEW);
    }

    private Agent add(AgentInfo info, Resources total, AgentSubscribe request, Instant now, boolean listed) {
        Agent agent = new Agent(info, total, request.pid(), request.version(), now);
        byId.put(info.getId().getValue(), agent);
        if (!listed) {
            journal.accept(new RegistryOperation.Admit(agent.info()));
        }
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
        journal.accept(new RegistryOperation.MarkUnreachable(agent.info(), now));
    }

    /** When the agent was marked unreachable, if it is. */
    public Optional<Unreachable> unreachable(AgentID id) {
        return Optional.ofNullable(unreachable.get(id.getValue()));
    }

    public Collection<Unreachable> allUnreachable() {
        return Collections.unmodifiableCollection(unreachable.values());
    }

    /** Whether the agent is admitted or unreachable: one the operator can deactivate, drain or mark gone. */
    public boolean isKnown(AgentID id) {
        return byId.containsKey(id.getValue()) || unreachable.containsKey(id.getValue());
    }

    /** Whether the agent's resources are offered: it is connected and the operator has not deactivated it. */
    public boolean isActive(Agent agent) {
        return agent.isConnected() && !isDeactivated(agent.id());
    }

    public boolean isDeactivated(AgentID id) {
        return deactivated.contains(id.getValue());
    }

    /** DEACTIVATE_AGENT, or the start of a drain: nothing of the agent is offered until it is reactivated. */
    public void deactivate(AgentID id) {
        deactivated.add(id.getValue());
        journal.accept(new RegistryOperation.Deactivate(id));
    }

    /** REACTIVATE_AGENT: the agent is offered again (once connected), and its drain, if any, is over. */
    public void reactivate(AgentID id) {
        deactivated.remove(id.getValue());
        draining.remove(id.getValue());
        journal.accept(new RegistryOperation.Reactivate(id));
    }

    /** DRAIN_AGENT: the agent is deactivated and DRAINING with {@code config}, replacing an earlier drain. */
    public void drain(AgentID id, DrainConfig config) {
        deactivate(id);
        DrainInfo drain = DrainInfo.newBuilder().setState(DrainState.DRAINING).setConfig(config).build();
        draining.put(id.getValue(), drain);
        journal.accept(new RegistryOperation.Drain(id, drain));
    }

    /** The drain of the agent, if it is being or has been drained (and not reactivated since). */
    public Optional<DrainInfo> drainInfo(AgentID id) {
        return Optional.ofNullable(draining.get(id.getValue()));
    }

    /** Moves a DRAINING agent to DRAINED. */
    public void drained(AgentID id) {
        DrainInfo drained = draining.computeIfPresent(id.getValue(), (key, info) -> info.toBuilder()
                .setState(DrainState.DRAINED).build());
        if (drained != null) {
            journal.accept(new RegistryOperation.Drain(id, drained));
        }
    }

    /**
     * MARK_AGENT_GONE: the agent, admitted or unreachable, is removed for good; whatever the operator decided about
     * it before is forgotten.
     */
    public void markGone(AgentID id, Instant now) {
        String key = id.getValue();
        Agent admitted = byId.remove(key);
        Unreachable lost = unreachable.remove(key);
        AgentInfo info = admitted != null ? admitted.info() : lost.info();
        deactivated.remove(key);
        draining.remove(key);
        gone.put(key, new Gone(info, now));
        journal.accept(new RegistryOperation.MarkGone(info, now));
    }

    /** When the agent was marked gone, if it was. */
    public Optional<Gone> gone(AgentID id) {
        return Optional.ofNullable(gone.get(id.getValue()));
    }

    /** An agent the operator marked gone: what it was, and since when. */
    public record Gone(AgentInfo info, Instant since) {}

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
            /** Marked unreachable (by this master, or by an earlier one as the registry says), and back. */
            UNREACHABLE_RETURNED,
            /** Admitted by an earlier master, as the registry says (a failover or restart happened), and back. */
            RECOVERED,
            /** Asking for an id that neither this master nor the registry knows (e.g. its entry was removed). */
            UNKNOWN_RETURNED
        }
    }
}
