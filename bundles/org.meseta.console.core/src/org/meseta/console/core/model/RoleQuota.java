package org.meseta.console.core.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A role's quota and what the role consumes of it, from Meseta's offer stream (as Mesos's {@code /roles} shows it):
 * scalar amounts by resource name, in name order. Immutable.
 *
 * @param guarantees what the role is guaranteed; a name left out is guaranteed nothing
 * @param limits what the role may consume at most; a name left out is not limited
 * @param consumed what the role's subtree consumes as the allocator counts it (its reservations plus the unreserved
 *        resources its tasks and executors use)
 */
public record RoleQuota(Map<String, Double> guarantees, Map<String, Double> limits, Map<String, Double> consumed) {

    /** No quota and nothing consumed. */
    public static final RoleQuota NONE = new RoleQuota(Map.of(), Map.of(), Map.of());

    public RoleQuota {
        guarantees = sorted(guarantees);
        limits = sorted(limits);
        consumed = sorted(consumed);
    }

    /** Whether the role has a quota (a guarantee or a limit). */
    public boolean isSet() {
        return !guarantees.isEmpty() || !limits.isEmpty();
    }

    private static Map<String, Double> sorted(Map<String, Double> amounts) {
        return Collections.unmodifiableMap(new TreeMap<>(amounts));
    }
}
