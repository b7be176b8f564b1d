package org.meseta.master.internal.operator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Roles;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.ClusterView.AgentView;
import org.meseta.master.internal.ClusterView.FrameworkView;
import org.meseta.master.internal.frameworks.Framework;
import org.meseta.master.internal.offers.OutstandingOffer;

/**
 * What the master shows of each role ({@code GET_ROLES}, {@code /roles}, the offer stream's role view): the roles a
 * framework subscribes with, that hold resources or that have a weight or quota set, each with its frameworks and what is
 * allocated to it by tasks and executors, offered to it, and reserved to it. Stateless.
 */
public final class RoleSummaries {

    private RoleSummaries() {}

    /**
     * One role.
     *
     * @param frameworks the ids of the frameworks subscribed with it, sorted
     * @param allocated what its frameworks' tasks and executors use in this role
     * @param offered what its outstanding offers hold
     * @param reserved what agents have reserved to it (by its most refined reservation)
     */
    public record RoleSummary(String name, double weight, SortedSet<String> frameworks, Resources allocated,
            Resources offered, Resources reserved) {}

    /** The roles of {@code view}, sorted by name. */
    public static List<RoleSummary> of(ClusterView view) {
        SortedMap<String, SortedSet<String>> frameworks = new TreeMap<>();
        SortedMap<String, Resources> allocated = new TreeMap<>();
        SortedMap<String, Resources> offered = new TreeMap<>();
        SortedMap<String, Resources> reserved = new TreeMap<>();
        for (FrameworkView framework : view.frameworks()) {
            for (String role : Framework.roles(framework.info())) {
                frameworks.computeIfAbsent(role, name -> new TreeSet<>()).add(framework.info().getId().getValue());
            }
            for (Resource resource : framework.used().toList()) {
                if (resource.hasAllocationInfo()) {
                    allocated.merge(resource.getAllocationInfo().getRole(), Resources.ofValidated(List.of(resource)),
                            Resources::plus);
                }
            }
            for (OutstandingOffer offer : framework.offers()) {
                offered.merge(offer.role(), offer.resources(), Resources::plus);
            }
        }
        for (AgentView agent : view.agents()) {
            agent.total().reservedByRole().forEach((role, resources) -> reserved.merge(role, resources,
                    Resources::plus));
        }
        Set<String> names = new TreeSet<>(frameworks.keySet());
        names.addAll(allocated.keySet());
        names.addAll(view.weights().keySet());
        names.addAll(view.quotas().keySet());
        return names.stream().map(name -> new RoleSummary(name, view.weight(name),
                frameworks.getOrDefault(name, new TreeSet<>()), allocated.getOrDefault(name, Resources.empty()),
                offered.getOrDefault(name, Resources.empty()), reserved.getOrDefault(name, Resources.empty())))
                .toList();
    }

    /**
     * The weighted dominant share by which the hierarchical allocator orders {@code role} among its siblings: of
     * the scalar resources allocated and offered to the role and its descendants, the largest fraction of the
     * cluster's total of that resource (every agent's, reserved or not), over the resource names not in
     * {@code excluded} ({@code --fair_sharing_excluded_resource_names}), divided by the role's weight.
     */
    public static double share(String role, List<RoleSummary> roles, Resources clusterTotal, Set<String> excluded) {
        Resources held = Resources.empty();
        double weight = 1.0;
        for (RoleSummary summary : roles) {
            if (summary.name().equals(role) || Roles.isStrictSubroleOf(summary.name(), role)) {
                held = held.plus(summary.allocated()).plus(summary.offered());
            }
            if (summary.name().equals(role)) {
                weight = summary.weight();
            }
        }
        double dominant = 0;
        for (Map.Entry<String, Double> total : scalarTotals(clusterTotal).entrySet()) {
            if (!excluded.contains(total.getKey()) && total.getValue() > 0) {
                dominant = Math.max(dominant, held.scalar(total.getKey()) / total.getValue());
            }
        }
        return dominant / weight;
    }

    /** Every agent's total resources together. */
    public static Resources clusterTotal(ClusterView view) {
        return view.agents().stream().map(AgentView::total).reduce(Resources.empty(), Resources::plus);
    }

    private static SortedMap<String, Double> scalarTotals(Resources total) {
        SortedMap<String, Double> totals = new TreeMap<>();
        for (Resource resource : total.toList()) {
            if (resource.getType() == org.apache.mesos.v1.Protos.Value.Type.SCALAR) {
                totals.put(resource.getName(), total.scalar(resource.getName()));
            }
        }
        return totals;
    }
}
