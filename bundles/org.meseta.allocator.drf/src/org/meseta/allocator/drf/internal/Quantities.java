package org.meseta.allocator.drf.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Scalars;

/**
 * Scalar amounts by resource name, in thousandths ({@link Scalars}), summed over reservations and allocation roles:
 * what a DRF share is computed from. Kept as exact longs so that adding and then subtracting the same resources
 * returns exactly to where it was.
 *
 * <p>Mutable; owned by one sorter.
 */
final class Quantities {

    private final Map<String, Long> millis = new HashMap<>();

    /**
     * @param excluded names that do not count (the sorter's {@code --fair_sharing_excluded_resource_names})
     * @return the scalar amounts of {@code resources}; ranges and sets do not count towards shares
     */
    static Quantities of(Resources resources, Set<String> excluded) {
        Quantities quantities = new Quantities();
        for (Resource resource : resources) {
            if (resource.getType() == Value.Type.SCALAR && !excluded.contains(resource.getName())) {
                quantities.millis.merge(resource.getName(), Scalars.toMillis(resource.getScalar().getValue()),
                        Long::sum);
            }
        }
        return quantities;
    }

    void add(Quantities other) {
        other.millis.forEach((name, amount) -> millis.merge(name, amount, Long::sum));
    }

    /** Takes {@code other} away; amounts stop at zero and names that reach zero are forgotten. */
    void subtract(Quantities other) {
        other.millis.forEach((name, amount) -> millis.computeIfPresent(name,
                (key, held) -> held > amount ? held - amount : null));
    }

    void clear() {
        millis.clear();
    }

    /**
     * The dominant share: the largest fraction of {@code total} that these amounts hold of any one resource name.
     * Names that {@code total} lacks (their agents are gone) do not count.
     */
    double dominantShareOf(Quantities total) {
        double share = 0;
        for (Map.Entry<String, Long> entry : millis.entrySet()) {
            long available = total.millis.getOrDefault(entry.getKey(), 0L);
            if (available > 0) {
                share = Math.max(share, entry.getValue() / (double) available);
            }
        }
        return share;
    }
}
