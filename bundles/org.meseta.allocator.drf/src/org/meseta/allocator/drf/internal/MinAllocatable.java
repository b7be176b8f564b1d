package org.meseta.allocator.drf.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Scalars;

/**
 * Mesos's {@code --min_allocatable_resources}: resources are worth offering only when they meet at least one of the
 * alternatives in full, so that a framework is not offered a sliver it cannot use while the sliver counts against
 * its share. A quantity sums a name over reservations; ranges count their numbers and sets their items, as Mesos's
 * resource quantities do. Immutable.
 */
final class MinAllocatable {

    // Each alternative in thousandths, the exact unit of resource arithmetic.
    private final List<Map<String, Long>> alternatives;

    /** @param alternatives as in {@code AllocatorOptions.minAllocatable}; empty means any resources are enough */
    MinAllocatable(List<Map<String, Double>> alternatives) {
        this.alternatives = alternatives.stream()
                .map(alternative -> alternative.entrySet().stream().collect(
                        Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Scalars.toMillis(entry.getValue()))))
                .toList();
    }

    /** True if {@code resources} are not empty and meet an alternative (any, when there are none). */
    boolean isMetBy(Resources resources) {
        if (resources.isEmpty()) {
            return false;
        }
        return alternatives.isEmpty() || alternatives.stream().anyMatch(alternative -> alternative.entrySet().stream()
                .allMatch(minimum -> millisOf(resources, minimum.getKey()) >= minimum.getValue()));
    }

    private static long millisOf(Resources resources, String name) {
        long millis = 0;
        for (Resource resource : resources) {
            if (resource.getName().equals(name)) {
                millis += millisOf(resource);
            }
        }
        return millis;
    }

    private static long millisOf(Resource resource) {
        return switch (resource.getType()) {
            case SCALAR -> Scalars.toMillis(resource.getScalar().getValue());
            case RANGES -> resource.getRanges().getRangeList().stream()
                    .mapToLong(range -> range.getEnd() - range.getBegin() + 1).sum() * Scalars.SCALE;
            case SET -> resource.getSet().getItemCount() * Scalars.SCALE;
            case TEXT -> 0;
        };
    }
}
