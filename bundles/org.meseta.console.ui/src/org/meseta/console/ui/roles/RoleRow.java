package org.meseta.console.ui.roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.meseta.api.resources.QuotaRules;
import org.meseta.console.core.ResourceFormat;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.RoleView;
import org.meseta.console.ui.text.Quantities;

/**
 * One role as the Roles view shows it: the allocator's view of it from the offer stream (weight, weighted share,
 * what it holds) and its quota from the master's {@code GET_QUOTA}. Immutable.
 *
 * @param name the role
 * @param view the allocator's view; empty for a role with quota that the offer stream does not list (a Mesos master
 *        has no offer stream)
 * @param quota its quota; empty when it has none
 */
record RoleRow(String name, Optional<RoleView> view, Optional<QuotaConfig> quota) {

    /** The roles of the offer stream's role view and those with quota, by name. */
    static List<RoleRow> of(ClusterState cluster, Map<String, QuotaConfig> quota) {
        Map<String, RoleRow> rows = new TreeMap<>();
        for (RoleView role : cluster.roles()) {
            rows.put(role.name(), new RoleRow(role.name(), Optional.of(role), Optional.ofNullable(quota.get(
                    role.name()))));
        }
        quota.forEach((role, config) -> rows.putIfAbsent(role, new RoleRow(role, Optional.empty(),
                Optional.of(config))));
        return new ArrayList<>(rows.values());
    }

    /** Its weight, as the allocator has it. */
    OptionalDouble weight() {
        return view.map(role -> OptionalDouble.of(role.weight())).orElse(OptionalDouble.empty());
    }

    /** Its guarantees, resource name → amount; empty without quota. */
    Map<String, Double> guarantees() {
        return quota.map(config -> QuotaRules.amounts(config.getGuaranteesMap())).orElse(Map.of());
    }

    /** Its limits, resource name → amount; empty without quota (no limit). */
    Map<String, Double> limits() {
        return quota.map(config -> QuotaRules.amounts(config.getLimitsMap())).orElse(Map.of());
    }

    String weightText() {
        OptionalDouble weight = weight();
        return weight.isPresent() ? ResourceFormat.number(weight.getAsDouble()) : "";
    }

    String shareText() {
        return view.map(role -> ResourceFormat.number(role.share() * 100) + " %").orElse("");
    }

    String guaranteesText() {
        return Quantities.of(guarantees());
    }

    String limitsText() {
        return limits().isEmpty() ? "" : Quantities.of(limits());
    }

    String allocatedText() {
        return view.map(role -> Quantities.of(role.allocated())).orElse("");
    }

    String reservedText() {
        return view.map(RoleView::reserved).filter(reserved -> !reserved.equals(Amounts.NONE))
                .map(Quantities::of).orElse("");
    }

    String frameworksText() {
        return view.map(role -> String.valueOf(role.frameworks().size())).orElse("");
    }
}
