package org.meseta.allocator.drf.internal;

import java.util.Arrays;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Scalars;

/**
 * Scalar amounts by resource name, in thousandths ({@link Scalars}), summed over reservations and allocation roles:
 * what a DRF share is computed from. Kept as exact longs, in an array indexed by the sorter's {@link ResourceNames},
 * so that adding and then subtracting the same resources returns exactly to where it was and costs a few array
 * additions. Amounts never go below zero; a name with nothing allocated holds zero.
 *
 * <p>Mutable; owned by one sorter. Quantities of different sorters (different name numberings) must not be mixed.
 */
final class Quantities {

    private long[] millis;

    Quantities() {
        this(new long[0]);
    }

    private Quantities(long[] millis) {
        this.millis = millis;
    }

    /** @return the scalar amounts of {@code resources}; ranges, sets and excluded names do not count */
    static Quantities of(Resources resources, ResourceNames names) {
        long[] millis = new long[names.size()];
        for (Resource resource : resources) {
            if (resource.getType() == Value.Type.SCALAR) {
                int index = names.indexOf(resource.getName());
                if (index != ResourceNames.EXCLUDED) {
                    if (index >= millis.length) {
                        // A name met for the first time just now.
                        millis = Arrays.copyOf(millis, index + 1);
                    }
                    millis[index] += Scalars.toMillis(resource.getScalar().getValue());
                }
            }
        }
        return new Quantities(millis);
    }

    void add(Quantities other) {
        if (other.millis.length > millis.length) {
            millis = Arrays.copyOf(millis, other.millis.length);
        }
        for (int i = 0; i < other.millis.length; i++) {
            millis[i] += other.millis[i];
        }
    }

    /** Takes {@code other} away; amounts stop at zero. */
    void subtract(Quantities other) {
        int common = Math.min(millis.length, other.millis.length);
        for (int i = 0; i < common; i++) {
            millis[i] = Math.max(0, millis[i] - other.millis[i]);
        }
    }

    void clear() {
        Arrays.fill(millis, 0);
    }

    /**
     * The dominant share: the largest fraction of {@code total} that these amounts hold of any one resource name.
     * Names that {@code total} lacks (their agents are gone) do not count.
     */
    double dominantShareOf(Quantities total) {
        double share = 0;
        int common = Math.min(millis.length, total.millis.length);
        for (int i = 0; i < common; i++) {
            long available = total.millis[i];
            if (available > 0) {
                share = Math.max(share, millis[i] / (double) available);
            }
        }
        return share;
    }
}
