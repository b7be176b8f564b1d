package org.meseta.allocator.drf.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.meseta.allocator.api.Allocation;
import org.meseta.allocator.api.Allocator;
import org.meseta.allocator.api.AllocatorOptions;
import org.meseta.api.resources.Resources;

/**
 * Mesos's hierarchical allocator: DRF first across roles, then across the frameworks of each role, over the free
 * resources of each active agent. A pure state machine on the caller's thread: no locks, threads or timers; time
 * comes only from the options' clock.
 *
 * <p>One {@link #allocate() pass} visits the active agents in a random order (Mesos shuffles them so that no agent
 * is always offered first), and on each agent walks the roles in the role sorter's order. A role is offered what it
 * may use of the agent's free resources (unreserved, or reserved to it or an ancestor) when that meets the minimum
 * allocatable resources; the first framework in the role's order that is offerable there and whose offer filters do
 * not refuse them takes all of it. The sorters learn each allocation at once, so the next agent goes to whoever
 * then has the lowest share.
 *
 * <p>Beyond the {@link Allocator} contract: adding a framework or agent id twice throws
 * {@link IllegalArgumentException}; refuse durations are capped at 365 days, as in Mesos.
 */
final class HierarchicalAllocator implements Allocator {

    private static final Duration MAX_REFUSAL = Duration.ofDays(365);

    private final Clock clock;
    private final Random random;
    private final Sorters sorters;
    private final Map<FrameworkID, FrameworkState> frameworks = new HashMap<>();
    // The same, by id value: the sorters name frameworks by it.
    private final Map<String, FrameworkState> frameworksByValue = new HashMap<>();
    // In the order added, so that a seeded shuffle gives the same agent order every run.
    private final Map<AgentID, Resources> agentTotals = new LinkedHashMap<>();
    private final Set<AgentID> inactiveAgents = new HashSet<>();
    private final Ledger ledger = new Ledger();
    private final FreeResources free;

    /** @param random shuffles the agents of each pass; tests pass a seeded one */
    HierarchicalAllocator(AllocatorOptions options, Random random) {
        this.clock = options.clock();
        this.free = new FreeResources(new MinAllocatable(options.minAllocatable()));
        this.random = random;
        this.sorters = new Sorters(options.roleSorter(), options.frameworkSorter(),
                options.fairnessExcludedResourceNames());
    }

    @Override
    public void addFramework(FrameworkID id, FrameworkInfo info, Map<AgentID, Resources> used, boolean active,
            Set<String> suppressedRoles) {
        FrameworkState framework = new FrameworkState(id, info, active, suppressedRoles);
        if (frameworks.putIfAbsent(id, framework) != null) {
            throw new IllegalArgumentException("Framework " + id.getValue() + " was added before");
        }
        frameworksByValue.put(id.getValue(), framework);
        framework.roles().forEach(role -> sorters.track(id, role, framework.offerable(role)));
        used.forEach((agent, resources) -> {
            // An agent added earlier may have reported this usage already; the framework's own account replaces it.
            if (agentTotals.containsKey(agent)) {
                ledger.replace(id, agent, resources);
            }
        });
        ledger.of(id).forEach((agent, resources) -> countInSorters(framework, agent, resources));
    }

    @Override
    public void updateFramework(FrameworkID id, FrameworkInfo info, Set<String> suppressedRoles) {
        FrameworkState framework = frameworks.get(id);
        if (framework == null) {
            return;
        }
        Set<String> left = new HashSet<>(framework.roles());
        framework.update(info, suppressedRoles);
        left.removeAll(framework.roles());
        for (String role : framework.roles()) {
            // It may still be tracked in a role it left earlier but holds resources in.
            if (!sorters.isTracked(id, role)) {
                sorters.track(id, role, framework.offerable(role));
            }
        }
        refreshOfferable(framework);
        // As in Mesos, what it holds in a role it left stays counted there until it is recovered.
        for (String role : left) {
            sorters.setOfferable(id, role, false);
            sorters.untrackIfIdle(id, role);
        }
    }

    @Override
    public void activateFramework(FrameworkID id) {
        Optional.ofNullable(frameworks.get(id)).ifPresent(framework -> {
            framework.setActive(true);
            refreshOfferable(framework);
        });
    }

    @Override
    public void deactivateFramework(FrameworkID id) {
        Optional.ofNullable(frameworks.get(id)).ifPresent(framework -> {
            framework.setActive(false);
            framework.filters().clearAll();
            refreshOfferable(framework);
        });
    }

    @Override
    public void removeFramework(FrameworkID id) {
        FrameworkState framework = frameworks.remove(id);
        if (framework != null) {
            frameworksByValue.remove(id.getValue());
            ledger.removeFramework(id).forEach((agent, resources) -> uncountInSorters(framework, agent, resources));
            sorters.removeFramework(id);
        }
    }

    @Override
    public void addAgent(AgentID id, AgentInfo info, Resources total, Map<FrameworkID, Resources> used) {
        if (agentTotals.putIfAbsent(id, total) != null) {
            throw new IllegalArgumentException("Agent " + id.getValue() + " was added before");
        }
        sorters.addAgent(id, total);
        used.forEach((frameworkId, resources) -> {
            // Usage of a framework not added yet stays off the sorters until it is added (see addFramework).
            ledger.add(frameworkId, id, resources);
            Optional.ofNullable(frameworks.get(frameworkId))
                    .ifPresent(framework -> countInSorters(framework, id, resources));
        });
    }

    @Override
    public void removeAgent(AgentID id) {
        if (agentTotals.remove(id) == null) {
            return;
        }
        inactiveAgents.remove(id);
        free.forget(id);
        ledger.removeAgent(id).forEach((frameworkId, resources) -> Optional.ofNullable(frameworks.get(frameworkId))
                .ifPresent(framework -> uncountInSorters(framework, id, resources)));
        sorters.removeAgent(id);
        frameworks.values().forEach(framework -> framework.filters().forget(id));
    }

    @Override
    public void activateAgent(AgentID id) {
        inactiveAgents.remove(id);
    }

    @Override
    public void deactivateAgent(AgentID id) {
        if (agentTotals.containsKey(id)) {
            inactiveAgents.add(id);
        }
    }

    @Override
    public void recoverResources(FrameworkID frameworkId, AgentID agent, Resources resources,
            Optional<Duration> refuseFor) {
        // Usage reported by an agent for a framework not added yet is freed too: the ledger holds it.
        Ledger.Held recovered = ledger.remove(frameworkId, agent, resources);
        FrameworkState framework = frameworks.get(frameworkId);
        if (framework == null || !agentTotals.containsKey(agent)) {
            return;
        }
        uncountInSorters(framework, agent, recovered.allocated());
        refuseFor.filter(duration -> duration.compareTo(Duration.ZERO) > 0).ifPresent(duration -> {
            Instant until = clock.instant().plus(duration.compareTo(MAX_REFUSAL) > 0 ? MAX_REFUSAL : duration);
            Map<String, Resources> declinedByRole = RoleResources.byAllocationRole(resources);
            declinedByRole.forEach((role, declined) -> {
                // A whole offer declined (the usual case) comes back as the ledger held it, unallocated form and all.
                boolean whole = declinedByRole.size() == 1 && recovered.allocated().equals(declined);
                framework.filters().refuse(role, agent,
                        whole ? recovered.unallocated() : RoleResources.unallocated(declined), until);
            });
        });
    }

    @Override
    public void updateAllocation(FrameworkID frameworkId, AgentID agent, Resources consumed, Resources converted) {
        FrameworkState framework = frameworks.get(frameworkId);
        Resources total = agentTotals.get(agent);
        if (framework == null || total == null) {
            return;
        }
        Ledger.Held removed = ledger.remove(frameworkId, agent, consumed);
        uncountInSorters(framework, agent, removed.allocated());
        ledger.add(frameworkId, agent, converted);
        countInSorters(framework, agent, converted);
        replaceTotal(agent, total.minus(removed.unallocated()).plus(RoleResources.unallocated(converted)));
    }

    @Override
    public Optional<String> updateAvailable(AgentID agent, Resources consumed, Resources converted) {
        Resources total = agentTotals.get(agent);
        if (total == null) {
            return Optional.of("Unknown agent " + agent.getValue());
        }
        Resources available = total.minus(ledger.allocatedOn(agent));
        if (!available.contains(consumed)) {
            return Optional.of(available + " does not contain " + consumed);
        }
        replaceTotal(agent, total.minus(consumed).plus(converted));
        return Optional.empty();
    }

    /** Quantities stay the same, so shares do not move; the sorters still get the new total to stay in step. */
    private void replaceTotal(AgentID agent, Resources total) {
        agentTotals.put(agent, total);
        sorters.removeAgent(agent);
        sorters.addAgent(agent, total);
    }

    @Override
    public void suppressOffers(FrameworkID id, Set<String> roles) {
        Optional.ofNullable(frameworks.get(id)).ifPresent(framework -> {
            framework.suppress(framework.rolesOrAll(roles));
            refreshOfferable(framework);
        });
    }

    @Override
    public void reviveOffers(FrameworkID id, Set<String> roles) {
        Optional.ofNullable(frameworks.get(id)).ifPresent(framework -> {
            framework.revive(framework.rolesOrAll(roles));
            refreshOfferable(framework);
        });
    }

    @Override
    public void updateWeights(Map<String, Double> weights) {
        weights.forEach(sorters::updateWeight);
    }

    @Override
    public List<Allocation> allocate() {
        Instant now = clock.instant();
        frameworks.values().forEach(framework -> framework.filters().expire(now));
        List<AgentID> agents = new ArrayList<>(agentTotals.keySet());
        agents.removeAll(inactiveAgents);
        Collections.shuffle(agents, random);
        List<Allocation> allocations = new ArrayList<>();
        for (AgentID agent : agents) {
            allocateOn(agent, now, allocations);
        }
        return allocations;
    }

    /** Offers the agent's free resources role by role, each to the role's first eligible framework. */
    private void allocateOn(AgentID agent, Instant now, List<Allocation> allocations) {
        Resources total = agentTotals.get(agent);
        for (String role : sorters.roleOrder()) {
            free.offerable(agent, total, ledger.allocatedOn(agent), role).ifPresent(offerable -> firstEligible(role,
                    agent, offerable.available(), now).ifPresent(framework -> {
                        Resources offered = offerable.offered();
                        ledger.add(framework.id(), agent, offered, offerable.available());
                        countInSorters(framework, role, agent, offered);
                        allocations.add(new Allocation(framework.id(), role, agent, offered));
                    }));
        }
    }

    private Optional<FrameworkState> firstEligible(String role, AgentID agent, Resources available, Instant now) {
        // The role's sorter lists only frameworks that are active and not suppressed in the role. The list may be
        // the sorter's own state: nothing may change the sorters while it is read.
        for (String id : sorters.frameworkOrder(role)) {
            FrameworkState framework = frameworksByValue.get(id);
            if (!framework.filters().refuses(role, agent, available, now)) {
                return Optional.of(framework);
            }
        }
        return Optional.empty();
    }

    private void refreshOfferable(FrameworkState framework) {
        framework.roles().forEach(role -> sorters.setOfferable(framework.id(), role, framework.offerable(role)));
    }

    private void countInSorters(FrameworkState framework, AgentID agent, Resources allocated) {
        RoleResources.byAllocationRole(allocated)
                .forEach((role, resources) -> countInSorters(framework, role, agent, resources));
    }

    /** @param allocated resources allocated to {@code role} only */
    private void countInSorters(FrameworkState framework, String role, AgentID agent, Resources allocated) {
        if (!sorters.isTracked(framework.id(), role)) {
            sorters.track(framework.id(), role, framework.offerable(role));
        }
        sorters.allocated(framework.id(), role, agent, allocated);
    }

    private void uncountInSorters(FrameworkState framework, AgentID agent, Resources freed) {
        RoleResources.byAllocationRole(freed).forEach((role, resources) -> {
            sorters.unallocated(framework.id(), role, agent, resources);
            if (!framework.roles().contains(role)) {
                sorters.untrackIfIdle(framework.id(), role);
            }
        });
    }
}
