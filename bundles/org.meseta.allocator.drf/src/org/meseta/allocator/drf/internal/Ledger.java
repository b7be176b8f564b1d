package org.meseta.allocator.drf.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.meseta.api.resources.Resources;

/**
 * Everything allocated (offered or in use), by agent and framework, with a sum per agent so that an agent's free
 * resources are its total less one value. The sum is computed when asked for and kept until the agent's holdings
 * change; an agent with one holding has that holding's own object as its sum, so that an offer made and declined
 * leaves the agent's sum the very object it was before (which {@link FreeResources} recognizes at no cost) and
 * costs no resource arithmetic here.
 *
 * <p>A framework here need not be known to the allocator: an agent may report what a framework uses before the
 * framework subscribes again after a master failover. Removing takes away only what is there, so nothing goes
 * negative. Mutable; owned by the allocator's thread.
 */
final class Ledger {

    /** Resources allocated to one framework on one agent, also without allocation roles. */
    record Held(Resources allocated, Resources unallocated) {

        static final Held NOTHING = new Held(Resources.empty(), Resources.empty());

        Held plus(Held other) {
            return new Held(allocated.plus(other.allocated), unallocated.plus(other.unallocated));
        }
    }

    /** The holdings on one agent, and their sum without allocation roles (null until asked for after a change). */
    private static final class OnAgent {
        final Map<FrameworkID, Held> byFramework = new LinkedHashMap<>();
        Resources sum;
    }

    private final Map<AgentID, OnAgent> byAgent = new HashMap<>();
    private final Map<FrameworkID, Set<AgentID>> agentsByFramework = new HashMap<>();

    void add(FrameworkID framework, AgentID agent, Resources resources) {
        add(framework, agent, resources, resources.unallocated());
    }

    /** As {@link #add(FrameworkID, AgentID, Resources)}, given also the same resources without allocation roles. */
    void add(FrameworkID framework, AgentID agent, Resources resources, Resources unallocated) {
        if (resources.isEmpty()) {
            return;
        }
        OnAgent onAgent = byAgent.computeIfAbsent(agent, key -> new OnAgent());
        onAgent.byFramework.merge(framework, new Held(resources, unallocated), Held::plus);
        onAgent.sum = null;
        agentsByFramework.computeIfAbsent(framework, key -> new LinkedHashSet<>()).add(agent);
    }

    /** @return what was actually taken away: the part of {@code resources} that was allocated */
    Held remove(FrameworkID framework, AgentID agent, Resources resources) {
        OnAgent onAgent = byAgent.get(agent);
        Held before = held(onAgent, framework);
        // Taking away the very resources held (a whole offer recovered) needs no arithmetic.
        Resources after = resources == before.allocated() ? Resources.empty() : before.allocated().minus(resources);
        Held removed;
        if (after.isEmpty()) {
            // All of it: the unallocated form is at hand, with no rebuilding.
            removed = before;
            if (removed.allocated().isEmpty()) {
                return removed;
            }
            onAgent.byFramework.remove(framework);
            Set<AgentID> agents = agentsByFramework.get(framework);
            agents.remove(agent);
            if (agents.isEmpty()) {
                agentsByFramework.remove(framework);
            }
        } else {
            Resources allocatedRemoved = before.allocated().minus(after);
            if (allocatedRemoved.isEmpty()) {
                return Held.NOTHING;
            }
            Resources unallocatedAfter = after.unallocated();
            removed = new Held(allocatedRemoved, before.unallocated().minus(unallocatedAfter));
            onAgent.byFramework.put(framework, new Held(after, unallocatedAfter));
        }
        onAgent.sum = null;
        if (onAgent.byFramework.isEmpty()) {
            byAgent.remove(agent);
        }
        return removed;
    }

    /** Everything allocated on the agent, without allocation roles. */
    Resources allocatedOn(AgentID agent) {
        OnAgent onAgent = byAgent.get(agent);
        if (onAgent == null) {
            return Resources.empty();
        }
        if (onAgent.sum == null) {
            Resources sum = null;
            for (Held held : onAgent.byFramework.values()) {
                sum = sum == null ? held.unallocated() : sum.plus(held.unallocated());
            }
            onAgent.sum = sum;
        }
        return onAgent.sum;
    }

    /** Everything allocated, one entry per framework and agent, each resource with its allocation role. */
    List<Resources> all() {
        List<Resources> all = new ArrayList<>();
        byAgent.values().forEach(onAgent -> onAgent.byFramework.values().forEach(held -> all.add(held.allocated())));
        return all;
    }

    /** What the framework holds on each agent. */
    Map<AgentID, Resources> of(FrameworkID framework) {
        Map<AgentID, Resources> held = new LinkedHashMap<>();
        agentsByFramework.getOrDefault(framework, Set.of())
                .forEach(agent -> held.put(agent, byAgent.get(agent).byFramework.get(framework).allocated()));
        return held;
    }

    /** Replaces what the framework holds on the agent. */
    void replace(FrameworkID framework, AgentID agent, Resources resources) {
        remove(framework, agent, held(framework, agent).allocated());
        add(framework, agent, resources);
    }

    /** Forgets the framework's allocations; @return them, by agent */
    Map<AgentID, Resources> removeFramework(FrameworkID framework) {
        Map<AgentID, Resources> held = of(framework);
        held.forEach((agent, resources) -> remove(framework, agent, resources));
        return held;
    }

    /** Forgets everything allocated on the agent; @return it, by framework */
    Map<FrameworkID, Resources> removeAgent(AgentID agent) {
        Map<FrameworkID, Resources> held = new LinkedHashMap<>();
        OnAgent onAgent = byAgent.get(agent);
        if (onAgent != null) {
            onAgent.byFramework.forEach((framework, holding) -> held.put(framework, holding.allocated()));
        }
        held.forEach((framework, resources) -> remove(framework, agent, resources));
        return held;
    }

    private Held held(FrameworkID framework, AgentID agent) {
        return held(byAgent.get(agent), framework);
    }

    private static Held held(OnAgent onAgent, FrameworkID framework) {
        return onAgent == null ? Held.NOTHING : onAgent.byFramework.getOrDefault(framework, Held.NOTHING);
    }
}
