package org.meseta.allocator.drf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Weighted random order (Mesos's {@code RandomSorter}): the {@link org.meseta.allocator.api.Sorter} for clusters
 * where fairness over time is enough and shares do not matter. At each level of the role tree, siblings are drawn
 * one after the other, each with a probability proportional to its weight among those not drawn yet; a subtree's
 * clients stay together. Allocations are tracked only to answer {@link #allocation}; they do not influence the
 * order.
 *
 * <p>The order is a function of the {@link Random} given, so a seeded one makes it reproducible. Not thread-safe.
 */
final class RandomSorter extends TreeSorter {

    private final Random random;

    RandomSorter(Set<String> excludedResourceNames, Random random) {
        super(excludedResourceNames);
        this.random = random;
    }

    @Override
    List<Sibling> order(List<Sibling> siblings) {
        List<Sibling> remaining = new ArrayList<>(siblings);
        List<Sibling> drawn = new ArrayList<>(siblings.size());
        while (!remaining.isEmpty()) {
            drawn.add(remaining.remove(draw(remaining)));
        }
        return drawn;
    }

    private int draw(List<Sibling> candidates) {
        double point = random.nextDouble() * candidates.stream().mapToDouble(this::weight).sum();
        for (int i = 0; i < candidates.size() - 1; i++) {
            point -= weight(candidates.get(i));
            if (point < 0) {
                return i;
            }
        }
        // Also where rounding leaves the point just past the last cumulative weight.
        return candidates.size() - 1;
    }
}
