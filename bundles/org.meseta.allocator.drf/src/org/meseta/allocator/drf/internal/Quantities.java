package org.meseta.allocator.drf.internal;

import java.util.Arrays;
import java.util.Set;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Scalars;

/**
 * Scalar amounts by resource name, in thousandths ({@link Scalars}), summed over reservations and allocation roles:
 * what a DRF share is computed from. Kept as exact longs, in an array indexed by {@link ResourceNames}, so that
 * adding and then subtracting the same resources returns exactly to where it was and costs a few array additions.
 * Amounts never go below zero; a name with nothing allocated holds zero.
 *
 * <p>Mutable, but the quantities of an allocation, once given to a sorter, are only read: one object may serve the
 * offer's part in both sorters and in the kept free resources it came from.
 */
final class Quantities {

    private long[] millis;

    Quantities() {
        this(new long[0]);
    }

    private Quantities(long[] millis) {
        this.millis = millis;
    }

    /** @return the scalar amounts of {@code resources}; ranges and sets do not count */
    static Quantities of(Resources resources) {
        return of(resources, Set.of());
    }

    /**
     * @param excluded names that do not count (a sorter's {@code --fair_sharing_excluded_resource_names}, left out
     *     of its total so that they count in no share)
     * @return the scalar amounts of {@code resources} but those of the excluded names
     */
    static Quantities of(Resources resources, Set<String> excluded) {
        long[] millis = new long[ResourceNames.count()];
        for (Resource resource : resources) {
            if (resource.getType() == Value.Type.SCALAR && !excluded.contains(resource.getName())) {
                int index = ResourceNames.indexOf(resource.getName());
                if (index >= millis.length) {
                    // A name met for the first time just now.
                    millis = Arrays.copyOf(millis, index + 1);
                }
                millis[index] += Scalars.toMillis(resource.getScalar().getValue());
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
     * Names that {@code total} lacks (their agents are gone, or the sorter excludes them) do not count.
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

    /** Equal when every name has the same amount in both (a name one of them lacks has zero there). */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Quantities that)) {
            return false;
        }
        for (int i = 0; i < Math.max(millis.length, that.millis.length); i++) {
            if (amount(i) != that.amount(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < millis.length; i++) {
            if (millis[i] != 0) {
                hash += 31 * i + Long.hashCode(millis[i]);
            }
        }
        return hash;
    }

    private long amount(int index) {
        return index < millis.length ? millis[index] : 0;
    }
}
