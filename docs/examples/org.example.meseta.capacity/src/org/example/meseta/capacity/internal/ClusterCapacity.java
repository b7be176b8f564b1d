package org.example.meseta.capacity.internal;

import java.util.ArrayList;
import java.util.List;

import org.meseta.console.core.ResourceFormat;
import org.meseta.console.core.model.AgentResources;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.ResourceKind;
import org.meseta.console.core.model.RoleView;
import org.meseta.console.core.model.Usage;

/**
 * What the cluster has, as the Capacity view shows it: the resources of the agents the master counts as part of the
 * cluster (admitted ones: unreachable and gone agents are left out) added up per kind, and what each role uses, is
 * offered and has reserved. An immutable value computed from the console's model, so any thread may use it.
 *
 * @param agents how many agents are admitted
 * @param resources their resources added up
 * @param roles the allocator's view of each role, sorted by name
 * @param rolesKnown whether the master sends Meseta's offer stream, without which neither offers nor roles are known
 */
record ClusterCapacity(int agents, AgentResources resources, List<RoleView> roles, boolean rolesKnown) {

    ClusterCapacity {
        roles = List.copyOf(roles);
    }

    /** The capacity of {@code cluster}. */
    static ClusterCapacity of(ClusterState cluster) {
        int agents = 0;
        Amounts total = Amounts.NONE;
        Amounts used = Amounts.NONE;
        Amounts offered = Amounts.NONE;
        Amounts reserved = Amounts.NONE;
        for (AgentView agent : cluster.agents().values()) {
            if (agent.state().isAdmitted()) {
                agents++;
                total = total.plus(agent.resources().total());
                used = used.plus(agent.resources().used());
                offered = offered.plus(agent.resources().offered());
                reserved = reserved.plus(agent.resources().reserved());
            }
        }
        return new ClusterCapacity(agents, new AgentResources(total, used, offered, reserved), cluster.roles(),
                cluster.offersFollowed());
    }

    /**
     * One row per resource kind, in the console's order: the name, the total, what is used (as an amount and as a
     * share of the total), offered, and free (neither used nor offered); memory and disk in binary units.
     */
    List<List<String>> kindRows() {
        List<List<String>> rows = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.values()) {
            Usage usage = resources.usage(kind);
            rows.add(List.of(kind.resourceName(), amount(kind, usage.total()), amount(kind, usage.used()),
                    percent(usage.used(), usage.total()), amount(kind, usage.offered()), amount(kind, usage.free())));
        }
        return rows;
    }

    /** One row per role: the name, how many frameworks subscribed to it, what it uses, is offered and has reserved. */
    List<List<String>> roleRows() {
        return roles.stream().map(role -> List.of(role.name(), String.valueOf(role.frameworks().size()),
                ResourceFormat.amounts(role.allocated()), ResourceFormat.amounts(role.offered()),
                ResourceFormat.amounts(role.reserved()))).toList();
    }

    private static String amount(ResourceKind kind, double value) {
        return switch (kind) {
            case CPUS, PORTS -> ResourceFormat.number(value);
            case MEM, DISK -> ResourceFormat.megabytes(value);
        };
    }

    private static String percent(double part, double whole) {
        return whole <= 0 ? ResourceFormat.NONE : Math.round(100 * part / whole) + " %";
    }
}
