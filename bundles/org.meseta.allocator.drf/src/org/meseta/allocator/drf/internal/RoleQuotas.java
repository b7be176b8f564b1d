package org.meseta.allocator.drf.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.meseta.allocator.api.Quota;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Scalars;

/**
 * The quota set per role, in thousandths ({@link Scalars}), and what the roles with quota consume: their subtree's
 * reservations plus the unreserved, non-revocable scalar resources allocated to their subtree. Consumption is
 * counted afresh from the agents' totals and the ledger when asked, which costs a walk over all allocations; the
 * allocator asks once per pass, and only while some role has quota. Mutable; owned by the allocator's thread.
 */
final class RoleQuotas {

    /** A role's quota in thousandths. */
    record Millis(Map<String, Long> guarantees, Map<String, Long> limits) {}

    private final Map<String, Millis> byRole = new TreeMap<>();

    void set(String role, Quota quota) {
        if (quota.isNone()) {
            byRole.remove(role);
        } else {
            byRole.put(role, new Millis(toMillis(quota.guarantees()), toMillis(quota.limits())));
        }
    }

    boolean isEmpty() {
        return byRole.isEmpty();
    }

    boolean hasGuarantees() {
        return byRole.values().stream().anyMatch(quota -> !quota.guarantees().isEmpty());
    }

    Map<String, Millis> byRole() {
        return byRole;
    }

    /** {@code role} and those of its ancestors that have quota, the role itself first. */
    List<String> quotaRolesAbove(String role) {
        List<String> chain = new ArrayList<>(2);
        for (String path = role; path != null; path = parent(path)) {
            if (byRole.containsKey(path)) {
                chain.add(path);
            }
        }
        return chain;
    }

    /** True for a role with quota none of whose ancestors has quota: its guarantees count towards the headroom. */
    boolean isOutermost(String role) {
        return quotaRolesAbove(role).size() == 1;
    }

    /**
     * What each role with quota consumes, role → name → thousandths (names consumed only).
     *
     * @param agentTotals every agent's total, for the reservations
     * @param allocated everything allocated, each resource with its allocation role
     */
    Map<String, Map<String, Long>> consumption(Collection<Resources> agentTotals, Iterable<Resources> allocated) {
        Map<String, Map<String, Long>> consumed = new HashMap<>();
        byRole.keySet().forEach(role -> consumed.put(role, new HashMap<>()));
        for (Resources total : agentTotals) {
            for (Resource resource : total) {
                int count = resource.getReservationsCount();
                if (count > 0 && resource.getType() == Value.Type.SCALAR) {
                    charge(consumed, resource.getReservations(count - 1).getRole(), resource);
                }
            }
        }
        for (Resources resources : allocated) {
            for (Resource resource : resources) {
                if (isQuotaResource(resource) && resource.hasAllocationInfo()) {
                    charge(consumed, resource.getAllocationInfo().getRole(), resource);
                }
            }
        }
        return consumed;
    }

    /** {@link #consumption} in amounts, role → name → amount, roles and names in order. */
    static Map<String, Map<String, Double>> toAmounts(Map<String, Map<String, Long>> consumed) {
        Map<String, Map<String, Double>> amounts = new TreeMap<>();
        consumed.forEach((role, byName) -> {
            Map<String, Double> converted = new TreeMap<>();
            byName.forEach((name, millis) -> converted.put(name, Scalars.toDouble(millis)));
            amounts.put(role, converted);
        });
        return amounts;
    }

    /** Unreserved, non-revocable and scalar: the resources whose allocation consumes (unreserved) quota. */
    static boolean isQuotaResource(Resource resource) {
        return resource.getType() == Value.Type.SCALAR && resource.getReservationsCount() == 0
                && !resource.hasRevocable();
    }

    private void charge(Map<String, Map<String, Long>> consumed, String role, Resource resource) {
        long millis = Scalars.toMillis(resource.getScalar().getValue());
        for (String quotaRole : quotaRolesAbove(role)) {
            consumed.get(quotaRole).merge(resource.getName(), millis, Long::sum);
        }
    }

    private static String parent(String role) {
        int slash = role.lastIndexOf('/');
        return slash < 0 ? null : role.substring(0, slash);
    }

    private static Map<String, Long> toMillis(Map<String, Double> amounts) {
        Map<String, Long> millis = new LinkedHashMap<>();
        amounts.forEach((name, amount) -> millis.put(name, Scalars.toMillis(amount)));
        return Map.copyOf(millis);
    }
}
