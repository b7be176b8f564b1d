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
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.meseta.allocator.api.Allocation;
import org.meseta.allocator.api.Allocator;
import org.meseta.allocator.api.AllocatorOptions;
import org.meseta.allocator.api.Quota;
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
 * <p>With quota set, a pass has Mesos's two stages ({@link QuotaPass}): first the roles with unmet guarantees are
 * offered, agent by agent in the role sorter's order, what meets them; then the agents are shuffled again and
 * allocated as above, with unreserved scalars cut to each role's limits and to the headroom that unmet guarantees
 * still need. Without quota a pass is the single stage above, at no extra cost.
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
    private final MinAllocatable minAllocatable;
    private final FreeResources free;
    private final RoleQuotas quotas = new RoleQuotas();

    /** @param random shuffles the agents of each pass; tests pass a seeded one */
    HierarchicalAllocator(AllocatorOptions options, Random random) {
        this.clock = options.clock();
        this.minAllocatable = new MinAllocatable(options.minAllocatable());
        this.free = new FreeResources(minAllocatable);
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
                        whole ? recovered.unallocated() : declined.unallocated(), until);
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
        replaceTotal(agent, total.minus(removed.unallocated()).plus(converted.unallocated()));
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
    public void updateQuota(String role, Quota quota) {
        quotas.set(role, quota);
    }

    @Override
    public Map<String, Integer> activeOfferFilters() {
        Map<String, Integer> counts = new TreeMap<>();
        Instant now = clock.instant();
        frameworks.values().forEach(framework -> framework.filters().countActive(now, counts));
        return counts;
    }

    @Override
    public Map<String, Map<String, Double>> quotaConsumption() {
        return RoleQuotas.toAmounts(quotas.consumption(agentTotals.values(), ledger.all()));
    }

    @Override
    public List<Allocation> allocate() {
        Instant now = clock.instant();
        frameworks.values().forEach(framework -> framework.filters().expire(now));
        List<AgentID> agents = new ArrayList<>(agentTotals.keySet());
        agents.removeAll(inactiveAgents);
        Collections.shuffle(agents, random);
        List<Allocation> allocations = new ArrayList<>();
        if (quotas.isEmpty()) {
            for (AgentID agent : agents) {
                allocateOn(agent, now, allocations);
            }
            return allocations;
        }
        QuotaPass pass = quotaPass();
        if (quotas.hasGuarantees()) {
            for (AgentID agent : agents) {
                allocateTowardsGuarantees(agent, now, pass, allocations);
            }
            // As Mesos: the first stage takes from the agents at the front, so the second starts elsewhere.
            Collections.shuffle(agents, random);
        }
        for (AgentID agent : agents) {
            allocateWithinQuota(agent, now, pass, allocations);
        }
        return merged(allocations);
    }

    /** Offers the agent's free resources role by role, each to the role's first eligible framework. */
    private void allocateOn(AgentID agent, Instant now, List<Allocation> allocations) {
        Resources total = agentTotals.get(agent);
        for (String role : sorters.roleOrder()) {
            // No lambda: this runs once per agent and role in every pass.
            Optional<FreeResources.Offerable> offerable = free.offerable(agent, total, ledger.allocatedOn(agent), role);
            if (offerable.isPresent()) {
                allocate(role, agent, offerable.get(), now, allocations);
            }
        }
    }

    /** The first stage with quota: offers to the roles with unmet guarantees what meets them. */
    private void allocateTowardsGuarantees(AgentID agent, Instant now, QuotaPass pass, List<Allocation> allocations) {
        Resources total = agentTotals.get(agent);
        for (String role : sorters.roleOrder()) {
            free.offerable(agent, total, ledger.allocatedOn(agent), role)
                    .flatMap(offerable -> pass.towardsGuarantees(role, offerable.available()))
                    .filter(minAllocatable::isMetBy)
                    .filter(toOffer -> allocate(role, agent, toOffer, toOffer.allocatedTo(role), now,
                            allocations))
                    .ifPresent(toOffer -> pass.allocated(role, toOffer));
        }
    }

    /** The second stage with quota: as {@link #allocateOn}, within the limits and the headroom. */
    private void allocateWithinQuota(AgentID agent, Instant now, QuotaPass pass, List<Allocation> allocations) {
        Resources total = agentTotals.get(agent);
        for (String role : sorters.roleOrder()) {
            free.offerable(agent, total, ledger.allocatedOn(agent), role).ifPresent(offerable -> {
                Resources toOffer = pass.withinQuota(role, offerable.available());
                boolean whole = toOffer == offerable.available();
                if (whole ? allocate(role, agent, offerable, now, allocations) : minAllocatable.isMetBy(toOffer)
                        && allocate(role, agent, toOffer, toOffer.allocatedTo(role), now, allocations)) {
                    pass.allocated(role, toOffer);
                }
            });
        }
    }

    /**
     * Allocates {@code available} to the first eligible framework of the role, if any.
     *
     * @param offered the same resources marked as allocated to {@code role}
     * @return whether a framework took them
     */
    private boolean allocate(String role, AgentID agent, Resources available, Resources offered, Instant now,
            List<Allocation> allocations) {
        return allocate(role, agent, new FreeResources.Offerable(available, offered), now, allocations);
    }

    /** As {@link #allocate(String, AgentID, Resources, Resources, Instant, List)}, with what is kept of them. */
    private boolean allocate(String role, AgentID agent, FreeResources.Offerable offerable, Instant now,
            List<Allocation> allocations) {
        FrameworkState taker = firstEligible(role, agent, offerable.available(), now);
        if (taker == null) {
            return false;
        }
        ledger.add(taker.id(), agent, offerable.offered(), offerable.available());
        // Tracked in the role: the role's sorter listed it.
        sorters.allocated(taker.id(), role, agent, offerable.offered(), offerable.quantities());
        allocations.add(new Allocation(taker.id(), role, agent, offerable.offered()));
        return true;
    }

    private QuotaPass quotaPass() {
        List<Resources> freeByAgent = new ArrayList<>(agentTotals.size());
        agentTotals.forEach((agent, total) -> freeByAgent.add(free.free(agent, total, ledger.allocatedOn(agent))));
        return new QuotaPass(quotas, quotas.consumption(agentTotals.values(), ledger.all()), freeByAgent);
    }

    /** One allocation per framework, role and agent: the two stages may both have allocated to one. */
    private static List<Allocation> merged(List<Allocation> allocations) {
        Map<List<Object>, Allocation> byKey = new LinkedHashMap<>();
        for (Allocation allocation : allocations) {
            byKey.merge(List.of(allocation.frameworkId(), allocation.role(), allocation.agentId()), allocation,
                    (first, second) -> new Allocation(first.frameworkId(), first.role(), first.agentId(),
                            first.resources().plus(second.resources())));
        }
        return new ArrayList<>(byKey.values());
    }

    /** @return the first framework of the role's order whose filters do not refuse {@code available}, or null */
    private FrameworkState firstEligible(String role, AgentID agent, Resources available, Instant now) {
        // The role's sorter lists only frameworks that are active and not suppressed in the role. The list may be
        // the sorter's own state: nothing may change the sorters while it is read.
        for (String id : sorters.frameworkOrder(role)) {
            FrameworkState framework = frameworksByValue.get(id);
            if (!framework.filters().refuses(role, agent, available, now)) {
                return framework;
            }
        }
        return null;
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
