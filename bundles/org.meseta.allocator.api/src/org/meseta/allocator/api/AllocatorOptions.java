package org.meseta.allocator.api;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the master configured its allocator.
 *
 * @param clock time for offer filters; tests pass one they advance
 * @param minAllocatable Mesos's {@code --min_allocatable_resources}: resources are offered only when at least one of
 *     these alternatives is met in full, each a map of scalar quantities by resource name (the default
 *     {@code cpus:0.01|mem:32} is {@code [{cpus=0.01}, {mem=32}]}); empty means anything can be offered
 * @param roleSorter orders roles ({@code --role_sorter})
 * @param frameworkSorter orders the frameworks within a role ({@code --framework_sorter})
 * @param fairnessExcludedResourceNames resource names that do not count towards shares
 *     ({@code --fair_sharing_excluded_resource_names}); both sorters are created with them
 */
public record AllocatorOptions(
        Clock clock,
        List<Map<String, Double>> minAllocatable,
        SorterFactory roleSorter,
        SorterFactory frameworkSorter,
        Set<String> fairnessExcludedResourceNames) {

    public AllocatorOptions {
        Objects.requireNonNull(clock, "clock");
        minAllocatable = minAllocatable.stream().map(Map::copyOf).toList();
        Objects.requireNonNull(roleSorter, "roleSorter");
        Objects.requireNonNull(frameworkSorter, "frameworkSorter");
        fairnessExcludedResourceNames = Set.copyOf(fairnessExcludedResourceNames);
    }
}
