package org.meseta.allocator.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A role's quota (Mesos's {@code Quota}, what a {@code QuotaConfig} sets): scalar quantities by resource name.
 * Guarantees are resources the role is offered before roles without quota, and which are held back from other roles
 * while the role does not consume them; limits cap what the role consumes. A name without a guarantee is guaranteed
 * nothing; a name without a limit is not limited. Quota applies to the role's whole subtree: what {@code eng/web}
 * consumes counts towards the quota of {@code eng}. Immutable; the maps iterate in name order.
 *
 * @param guarantees resource name → amount, each finite and not negative
 * @param limits resource name → amount, each finite and not negative
 */
public record Quota(Map<String, Double> guarantees, Map<String, Double> limits) {

    /** No guarantees and no limits: the quota of every role until one is set, and how quota is removed. */
    public static final Quota NONE = new Quota(Map.of(), Map.of());

    /** @throws IllegalArgumentException for an amount that is negative, infinite or not a number */
    public Quota {
        guarantees = checked(guarantees, "guarantee");
        limits = checked(limits, "limit");
    }

    /** True for {@link #NONE}: neither guarantees nor limits. */
    public boolean isNone() {
        return guarantees.isEmpty() && limits.isEmpty();
    }

    private static Map<String, Double> checked(Map<String, Double> amounts, String what) {
        amounts.forEach((name, amount) -> {
            if (!(amount >= 0) || Double.isInfinite(amount)) {
                throw new IllegalArgumentException("Quota " + what + " " + amount + " of '" + name
                        + "' is not a finite, non-negative number");
            }
        });
        return Collections.unmodifiableMap(new TreeMap<>(amounts));
    }
}
