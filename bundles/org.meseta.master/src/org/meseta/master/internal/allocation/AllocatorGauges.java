package org.meseta.master.internal.allocation;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.meseta.api.resources.Resources;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.ClusterView.AgentView;
import org.meseta.master.internal.operator.RoleSummaries;
import org.meseta.master.internal.operator.RoleSummaries.RoleSummary;

/**
 * The allocator's gauges that Mesos publishes and that follow from the master's books:
 * {@code allocator/mesos/resources/<name>/total} and {@code .../offered_or_allocated} for every scalar resource
 * the agents have, and {@code allocator/mesos/roles/<role>/shares/dominant} for every role with a framework, the
 * weighted dominant share the role sorter orders it by ({@link RoleSummaries#share}). Stateless.
 */
public final class AllocatorGauges {

    private static final String PREFIX = "allocator/mesos/";

    private AllocatorGauges() {}

    /** @param excluded {@code --fair_sharing_excluded_resource_names} */
    public static void putTo(SortedMap<String, Double> metrics, ClusterView view, Set<String> excluded) {
        Resources total = RoleSummaries.clusterTotal(view);
        Resources held = Resources.empty();
        for (AgentView agent : view.agents()) {
            held = held.plus(agent.used()).plus(agent.offered());
        }
        Set<String> scalars = new TreeSet<>();
        for (Resource resource : total.toList()) {
            if (resource.getType() == Value.Type.SCALAR) {
                scalars.add(resource.getName());
            }
        }
        for (String name : scalars) {
            metrics.put(PREFIX + "resources/" + name + "/total", total.scalar(name));
            metrics.put(PREFIX + "resources/" + name + "/offered_or_allocated", held.scalar(name));
        }
        List<RoleSummary> roles = RoleSummaries.of(view);
        for (RoleSummary role : roles) {
            if (!role.frameworks().isEmpty()) {
                metrics.put(PREFIX + "roles/" + role.name() + "/shares/dominant",
                        RoleSummaries.share(role.name(), roles, total, excluded));
            }
        }
    }
}
