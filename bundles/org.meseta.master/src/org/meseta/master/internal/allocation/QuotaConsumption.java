package org.meseta.master.internal.allocation;

import java.util.Map;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Roles;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.ClusterView.AgentView;
import org.meseta.master.internal.ClusterView.FrameworkView;

/**
 * What a role consumes of its quota, as Mesos's master counts it ({@code RoleResourceBreakdown::consumedQuota}): the
 * scalar resources reserved to the role or a descendant, allocated or not, plus the unreserved, non-revocable scalar
 * resources that tasks and executors of the role or a descendant use. Offers do not count. Stateless.
 */
public final class QuotaConsumption {

    private QuotaConsumption() {}

    /** @return resource name → amount consumed, names consumed only, in name order */
    public static Map<String, Double> of(ClusterView view, String role) {
        Map<String, Double> consumed = new TreeMap<>();
        for (AgentView agent : view.agents()) {
            for (Resource resource : agent.total()) {
                int count = resource.getReservationsCount();
                if (count > 0 && resource.getType() == Value.Type.SCALAR
                        && inSubtree(resource.getReservations(count - 1).getRole(), role)) {
                    consumed.merge(resource.getName(), resource.getScalar().getValue(), Double::sum);
                }
            }
        }
        for (FrameworkView framework : view.frameworks()) {
            add(consumed, framework.used(), role);
        }
        return consumed;
    }

    private static void add(Map<String, Double> consumed, Resources used, String role) {
        for (Resource resource : used) {
            if (resource.getType() == Value.Type.SCALAR && resource.getReservationsCount() == 0
                    && !resource.hasRevocable() && resource.hasAllocationInfo()
                    && inSubtree(resource.getAllocationInfo().getRole(), role)) {
                consumed.merge(resource.getName(), resource.getScalar().getValue(), Double::sum);
            }
        }
    }

    private static boolean inSubtree(String role, String ancestor) {
        return role.equals(ancestor) || Roles.isStrictSubroleOf(role, ancestor);
    }
}
