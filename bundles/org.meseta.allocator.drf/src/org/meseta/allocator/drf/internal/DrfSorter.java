package org.meseta.allocator.drf.internal;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weighted dominant resource fairness (Mesos's {@code DRFSorter}), hierarchical: the
 * {@link org.meseta.allocator.api.Sorter} that offers first to the client whose weighted dominant share is lowest.
 *
 * <p>A share is the largest fraction of the total, over the scalar resource names of the agents added (less the
 * excluded names), that is allocated, divided by the weight of the path. Siblings are compared by the share of
 * their whole subtree, so {@code eng/frontend} and {@code eng/backend} together compete with {@code ops}. Ties go
 * to the sibling that was allocated to fewer times, then to the smaller path, which makes the order deterministic.
 *
 * <p>Shares are computed when {@link #sort()} is called, from tallies kept up to date on every allocation; nothing
 * is re-summed. Not thread-safe, as the contract says.
 */
final class DrfSorter extends TreeSorter {

    DrfSorter(Set<String> excludedResourceNames) {
        super(excludedResourceNames);
    }

    @Override
    List<Sibling> order(List<Sibling> siblings) {
        Map<Sibling, Double> shares = new IdentityHashMap<>();
        siblings.forEach(sibling -> shares.put(sibling, share(sibling)));
        return siblings.stream()
                .sorted(Comparator.comparingDouble((Sibling sibling) -> shares.get(sibling))
                        .thenComparingLong(Sibling::allocationCount)
                        .thenComparing(Sibling::path))
                .toList();
    }

    private double share(Sibling sibling) {
        return sibling.allocated().dominantShareOf(total()) / weight(sibling);
    }
}
