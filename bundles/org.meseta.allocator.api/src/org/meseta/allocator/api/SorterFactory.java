package org.meseta.allocator.api;

import java.util.Set;

/**
 * Creates sorters of one ordering policy. Registered as an OSGi service with {@link #NAME_PROPERTY} set to the name
 * that {@code --role_sorter} and {@code --framework_sorter} select (Meseta's own are {@code drf} and
 * {@code random}). Thread-safe.
 */
public interface SorterFactory {

    /** Service property naming the policy, e.g. {@code meseta.sorter=drf}. */
    String NAME_PROPERTY = "meseta.sorter";

    /**
     * A new, empty sorter.
     *
     * @param excludedResourceNames resource names that do not count towards shares
     *     ({@code --fair_sharing_excluded_resource_names}, e.g. {@code gpus})
     */
    Sorter create(Set<String> excludedResourceNames);
}
