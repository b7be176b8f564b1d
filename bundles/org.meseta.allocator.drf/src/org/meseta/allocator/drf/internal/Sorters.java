package org.meseta.allocator.drf.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.meseta.allocator.api.Sorter;
import org.meseta.allocator.api.SorterFactory;
import org.meseta.api.resources.Resources;

/**
 * The two levels of sorting: one sorter over roles, and per role a sorter over the frameworks tracked in it. A
 * framework is tracked in a role while it subscribes to the role or still holds resources allocated to it (a
 * framework may leave a role with tasks still running there); a role is tracked while a framework is. Each framework
 * sorter is active for a framework exactly when the framework may be offered resources in that role, so that
 * {@link #frameworkOrder} lists only candidates.
 *
 * <p>Every sorter knows every agent's total, so shares are fractions of the whole cluster. Mutable; owned by the
 * allocator's thread.
 */
final class Sorters {

    private final Sorter roleSorter;
    private final SorterFactory frameworkSorterFactory;
    private final Set<String> excludedResourceNames;
    private final Map<String, Sorter> frameworkSorters = new HashMap<>();
    private final Map<String, Set<String>> frameworksByRole = new HashMap<>();
    private final Map<AgentID, Resources> agentTotals = new LinkedHashMap<>();
    private final List<String> roleOrder = new ArrayList<>();
    private final List<String> roleOrderView = Collections.unmodifiableList(roleOrder);

    Sorters(SorterFactory roleSorterFactory, SorterFactory frameworkSorterFactory, Set<String> excludedResourceNames) {
        this.roleSorter = roleSorterFactory.create(excludedResourceNames);
        this.frameworkSorterFactory = frameworkSorterFactory;
        this.excludedResourceNames = Set.copyOf(excludedResourceNames);
    }

    void addAgent(AgentID agent, Resources total) {
        agentTotals.put(agent, total);
        roleSorter.addAgent(agent, total);
        frameworkSorters.values().forEach(sorter -> sorter.addAgent(agent, total));
    }

    void removeAgent(AgentID agent) {
        agentTotals.remove(agent);
        roleSorter.removeAgent(agent);
        frameworkSorters.values().forEach(sorter -> sorter.removeAgent(agent));
    }

    boolean isTracked(FrameworkID framework, String role) {
        return frameworksByRole.getOrDefault(role, Set.of()).contains(framework.getValue());
    }

    /** Starts tracking the framework in the role (and the role, if it is new). */
    void track(FrameworkID framework, String role, boolean offerable) {
        Sorter sorter = frameworkSorters.computeIfAbsent(role, this::newRole);
        frameworksByRole.computeIfAbsent(role, key -> new HashSet<>()).add(framework.getValue());
        sorter.add(framework.getValue());
        setOfferable(framework, role, offerable);
    }

    /** @param role a role the framework is tracked in */
    void setOfferable(FrameworkID framework, String role, boolean offerable) {
        Sorter sorter = frameworkSorters.get(role);
        if (offerable) {
            sorter.activate(framework.getValue());
        } else {
            sorter.deactivate(framework.getValue());
        }
    }

    /** Stops tracking the framework in a role it holds nothing in any more. */
    void untrackIfIdle(FrameworkID framework, String role) {
        if (isTracked(framework, role) && frameworkSorters.get(role).allocation(framework.getValue()).isEmpty()) {
            untrack(framework.getValue(), role);
        }
    }

    /** Stops tracking the framework everywhere; the caller has taken its allocations away first. */
    void removeFramework(FrameworkID framework) {
        List<String> roles = frameworksByRole.entrySet().stream()
                .filter(entry -> entry.getValue().contains(framework.getValue())).map(Map.Entry::getKey).toList();
        roles.forEach(role -> untrack(framework.getValue(), role));
    }

    /** @param resources allocated to {@code role}, in which the framework is tracked */
    void allocated(FrameworkID framework, String role, AgentID agent, Resources resources) {
        allocated(framework, role, agent, resources, Quantities.of(resources));
    }

    /**
     * As {@link #allocated(FrameworkID, String, AgentID, Resources)}, given the resources' quantities, which this
     * bundle's sorters keep (both the same object) and do not change.
     */
    void allocated(FrameworkID framework, String role, AgentID agent, Resources resources, Quantities quantities) {
        allocated(roleSorter, role, agent, resources, quantities);
        allocated(frameworkSorters.get(role), framework.getValue(), agent, resources, quantities);
    }

    /** @param resources allocated to {@code role}, in which the framework is tracked */
    void unallocated(FrameworkID framework, String role, AgentID agent, Resources resources) {
        roleSorter.unallocated(role, agent, resources);
        frameworkSorters.get(role).unallocated(framework.getValue(), agent, resources);
    }

    /**
     * Sets the weight of a role path in the role sorter, which keeps weights of roles it has no client for yet. The
     * framework sorters have no weights: Mesos weighs roles only.
     */
    void updateWeight(String role, double weight) {
        roleSorter.updateWeight(role, weight);
    }

    /**
     * The roles in the order the role sorter offers to them, as they are now: allocations made while the list is
     * read do not change it. The list is this object's and is refilled by the next call, so that a pass, which asks
     * once per agent, builds no list.
     */
    List<String> roleOrder() {
        List<String> order = roleSorter instanceof TreeSorter tree ? tree.sortedView() : roleSorter.sort();
        roleOrder.clear();
        for (String role : order) {
            roleOrder.add(role);
        }
        return roleOrderView;
    }

    /**
     * The ids ({@link FrameworkID#getValue()}) of the frameworks that may be offered resources in {@code role}, in
     * the order the role's sorter prefers. Strings, because a pass asks once per agent and role and usually needs
     * only the first few. The list is valid only until the next call that changes these sorters: with this bundle's
     * sorters it reads the sorter's own state rather than a copy of it (see {@link TreeSorter#sortedView()}).
     */
    List<String> frameworkOrder(String role) {
        Sorter sorter = frameworkSorters.get(role);
        return sorter instanceof TreeSorter tree ? tree.sortedView() : sorter.sort();
    }

    private static void allocated(Sorter sorter, String client, AgentID agent, Resources resources,
            Quantities quantities) {
        if (sorter instanceof TreeSorter tree) {
            tree.allocated(client, agent, resources, quantities);
        } else {
            sorter.allocated(client, agent, resources);
        }
    }

    private Sorter newRole(String role) {
        roleSorter.add(role);
        Sorter sorter = frameworkSorterFactory.create(excludedResourceNames);
        agentTotals.forEach(sorter::addAgent);
        return sorter;
    }

    private void untrack(String framework, String role) {
        frameworkSorters.get(role).remove(framework);
        Set<String> frameworks = frameworksByRole.get(role);
        frameworks.remove(framework);
        if (frameworks.isEmpty()) {
            frameworksByRole.remove(role);
            frameworkSorters.remove(role);
            roleSorter.remove(role);
        }
    }
}
