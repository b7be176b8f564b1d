package org.meseta.master.internal.allocation;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.meseta.allocator.api.Quota;

/**
 * Mesos's quota metrics, {@code allocator/mesos/quota/roles/<role>/resources/<name>/guarantee}, {@code .../limit}
 * (from the master's quota) and {@code .../consumed} (from the allocator), one per role with quota and name it
 * names. Stateless.
 */
public final class QuotaMetrics {

    private QuotaMetrics() {}

    /** Adds the guarantee and limit gauges of {@code quotas} to {@code metrics}. */
    public static void putConfigured(SortedMap<String, Double> metrics, Map<String, Quota> quotas) {
        quotas.forEach((role, quota) -> {
            quota.guarantees().forEach((name, amount) -> metrics.put(name(role, name, "guarantee"), amount));
            quota.limits().forEach((name, amount) -> metrics.put(name(role, name, "limit"), amount));
        });
    }

    /** {@code metrics} with the consumed gauges of {@code consumption} (role → name → amount) added. */
    public static SortedMap<String, Double> withConsumed(SortedMap<String, Double> metrics,
            Map<String, Map<String, Double>> consumption) {
        SortedMap<String, Double> all = new TreeMap<>(metrics);
        consumption.forEach((role, byName) -> byName.forEach((name, amount) -> all.put(name(role, name, "consumed"),
                amount)));
        return Collections.unmodifiableSortedMap(all);
    }

    private static String name(String role, String resource, String kind) {
        return "allocator/mesos/quota/roles/" + role + "/resources/" + resource + "/" + kind;
    }
}
