package org.meseta.master.internal.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.apache.mesos.v1.quota.Protos.QuotaRequest;
import org.meseta.allocator.api.Quota;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.QuotaRules;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Roles;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.agents.Agent;
import org.meseta.master.internal.allocation.QuotaConfigs;
import org.meseta.master.internal.allocation.QuotaConsumption;
import org.meseta.master.internal.frameworks.Framework;
import org.meseta.master.internal.offers.OutstandingOffer;
import org.meseta.registry.RegistryOperation;

/**
 * Quota as the master keeps it: {@code UPDATE_QUOTA}, and the deprecated {@code SET_QUOTA} / {@code REMOVE_QUOTA}
 * that {@code /quota} also serves, checked against the cluster as Mesos checks them (limits below what a role
 * consumes, guarantees beyond the cluster's capacity; both unless forced), then handed to the allocator. As in Mesos,
 * offers that keep a role above its new limits, or keep resources from its new guarantees, are rescinded, best
 * effort. Quota lives in the master's memory until the registry exists. Runs on the master's actor thread.
 */
final class QuotaCalls {

    private final Cluster cluster;
    private final OfferLifecycle offers;
    private final Supplier<ClusterView> view;

    QuotaCalls(Cluster cluster, OfferLifecycle offers, Supplier<ClusterView> view) {
        this.cluster = cluster;
        this.offers = offers;
        this.view = view;
    }

    Optional<Refusal> update(Call.UpdateQuota call) {
        List<QuotaConfig> configs = call.getQuotaConfigsList();
        Set<String> nonScalar = nonScalarNames();
        for (QuotaConfig config : configs) {
            Optional<String> problem = QuotaConfigs.problem(config, cluster.config::isWhitelisted, nonScalar);
            if (problem.isPresent()) {
                return Refusal.refuse(400, "Invalid QuotaConfig: " + problem.get());
            }
        }
        ClusterView now = view.get();
        for (QuotaConfig config : configs) {
            Quota quota = QuotaConfigs.quota(config);
            Map<String, Double> consumed = QuotaConsumption.of(now, config.getRole());
            if (!QuotaRules.contains(quota.limits(), consumed) && !call.getForce()) {
                return Refusal.refuse(400, "Invalid QuotaConfig: Role '" + config.getRole() + "' is already consuming '"
                        + QuotaConfigs.quantities(consumed) + "'; this is more than the requested limits '"
                        + QuotaConfigs.quantities(quota.limits()) + "' (use 'force' flag to bypass this check)");
            }
        }
        Map<String, Quota> after = new TreeMap<>(cluster.quotas);
        configs.forEach(config -> after.put(config.getRole(), QuotaConfigs.quota(config)));
        Optional<Overcommit> overcommit = overcommit(after);
        if (overcommit.isPresent() && !call.getForce()) {
            return Refusal.refuse(400, "Invalid QuotaConfig: total quota guarantees '" + overcommit.get().guaranteed()
                    + "' exceed cluster capacity '" + overcommit.get().capacity()
                    + "' (use 'force' flag to bypass this check)");
        }
        configs.forEach(config -> apply(config.getRole(), QuotaConfigs.quota(config)));
        return Optional.empty();
    }

    /** The deprecated {@code SET_QUOTA} and {@code POST /quota}: guarantees that are also the limits. */
    Optional<Refusal> set(QuotaRequest request) {
        try {
            Resources.of(request.getGuaranteeList());
        } catch (ResourceParseException e) {
            return Refusal.refuse(400, "Failed to validate set quota request: QuotaInfo with invalid resource: "
                    + e.getMessage());
        }
        String role = request.getRole();
        Optional<String> problem = QuotaConfigs.legacyProblem(role, request.hasRole(), request.getGuaranteeList());
        if (problem.isPresent()) {
            return Refusal.refuse(400, "Failed to validate set quota request: " + problem.get());
        }
        if (!cluster.config.isWhitelisted(role)) {
            return Refusal.refuse(400, "Failed to validate set quota request: Unknown role '" + role + "'");
        }
        if (cluster.quotas.containsKey(role)) {
            return Refusal.refuse(400, "Failed to validate set quota request: Cannot set quota for role '" + role
                    + "' which already has quota");
        }
        if (role.contains("/")) {
            return Refusal.refuse(400, "Setting quota on nested role '" + role + "' is not supported yet");
        }
        Quota quota = QuotaConfigs.legacyQuota(request.getGuaranteeList());
        Map<String, Quota> after = new TreeMap<>(cluster.quotas);
        after.put(role, quota);
        Optional<Overcommit> overcommit = overcommit(after);
        if (overcommit.isPresent() && !request.getForce()) {
            return Refusal.refuse(409, "Quota guarantees overcommit the cluster (use 'force' to bypass this check):"
                    + " Total quota guarantees '" + overcommit.get().guaranteed() + "' exceed cluster capacity '"
                    + overcommit.get().capacity() + "'");
        }
        apply(role, quota);
        return Optional.empty();
    }

    /**
     * The deprecated {@code REMOVE_QUOTA} and {@code DELETE /quota/<role>}.
     *
     * @param path the request path, for {@code DELETE}; its messages name it as Mesos's do
     */
    Optional<Refusal> remove(String role, Optional<String> path) {
        if (path.isPresent() && !cluster.config.isWhitelisted(role)) {
            return Refusal.refuse(400, "Failed to validate remove quota request for path '" + path.get()
                    + "': Unknown role '" + role + "'");
        }
        if (!cluster.quotas.containsKey(role)) {
            return Refusal.refuse(400, path.map(p -> "Failed to remove quota for path '" + p + "'")
                    .orElse("Failed to remove quota") + ": Role '" + role + "' has no quota set");
        }
        apply(role, Quota.NONE);
        return Optional.empty();
    }

    private void apply(String role, Quota quota) {
        if (quota.isNone()) {
            cluster.quotas.remove(role);
        } else {
            cluster.quotas.put(role, quota);
        }
        cluster.registry.record(new RegistryOperation.UpdateQuota(List.of(QuotaConfigs.config(role, quota))));
        // The allocator learns the quota before offers are rescinded, so that what they free is allocated by it.
        cluster.allocator.updateQuota(role, quota);
        rescindFor(role, quota);
    }

    /**
     * Mesos's best effort: offers to the role's subtree until what it consumes and is offered fits its limits, then
     * offers to other roles until what was rescinded and what the role consumes and is offered covers its guarantees.
     */
    private void rescindFor(String role, Quota quota) {
        Map<String, Double> held = new HashMap<>(QuotaConsumption.of(view.get(), role));
        cluster.offers.all().stream().filter(offer -> inSubtree(offer.role(), role))
                .forEach(offer -> add(held, offer.resources(), 1));
        for (Framework framework : cluster.frameworks.all()) {
            for (OutstandingOffer offer : cluster.offers.of(framework.id())) {
                if (QuotaRules.contains(quota.limits(), held)) {
                    break;
                }
                if (inSubtree(offer.role(), role)) {
                    add(held, offer.resources(), -1);
                    offers.rescind(offer, true);
                }
            }
        }
        for (Agent agent : cluster.agents.all()) {
            for (OutstandingOffer offer : cluster.offers.onAgent(agent.id())) {
                if (covers(held, quota.guarantees())) {
                    return;
                }
                if (!inSubtree(offer.role(), role)) {
                    add(held, offer.resources(), 1);
                    offers.rescind(offer, true);
                }
            }
        }
    }

    /** Guarantees beyond what the agents have, both as Mesos prints quantities. */
    private record Overcommit(String guaranteed, String capacity) {}

    /**
     * The total guarantees of {@code quotas} and the cluster's capacity (every admitted agent's non-revocable scalars,
     * connected or not, as Mesos counts it) when the capacity does not cover them, or empty.
     */
    private Optional<Overcommit> overcommit(Map<String, Quota> quotas) {
        Map<String, Double> guaranteed = new TreeMap<>();
        // Only top-level roles have quota; a parent's guarantees would contain its children's.
        quotas.forEach((role, quota) -> quota.guarantees().forEach((name, amount) -> guaranteed.merge(name, amount,
                Double::sum)));
        Map<String, Double> capacity = new TreeMap<>();
        cluster.agents.all().forEach(agent -> add(capacity, agent.total(), 1));
        return covers(capacity, guaranteed) ? Optional.empty()
                : Optional.of(new Overcommit(QuotaConfigs.quantities(guaranteed), QuotaConfigs.quantities(capacity)));
    }

    /** {@code ports} and the names agents have as ranges or sets. */
    private Set<String> nonScalarNames() {
        Set<String> names = new TreeSet<>(Set.of("ports"));
        cluster.agents.all().forEach(agent -> agent.total().forEach(resource -> {
            if (resource.getType() != Value.Type.SCALAR) {
                names.add(resource.getName());
            }
        }));
        return names;
    }

    /** Adds (sign 1) or takes away (sign -1) the non-revocable scalars of {@code resources}. */
    private static void add(Map<String, Double> amounts, Resources resources, int sign) {
        for (Resource resource : resources) {
            if (resource.getType() == Value.Type.SCALAR && !resource.hasRevocable()) {
                amounts.merge(resource.getName(), sign * resource.getScalar().getValue(), Double::sum);
            }
        }
    }

    private static boolean covers(Map<String, Double> have, Map<String, Double> need) {
        return need.entrySet().stream().allMatch(entry -> have.getOrDefault(entry.getKey(), 0.0) >= entry.getValue());
    }

    private static boolean inSubtree(String role, String ancestor) {
        return role.equals(ancestor) || Roles.isStrictSubroleOf(role, ancestor);
    }
}
