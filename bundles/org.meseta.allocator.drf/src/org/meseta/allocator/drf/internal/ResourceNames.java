package org.meseta.allocator.drf.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The resource names one sorter counts towards shares, numbered in the order it first meets them, so that its
 * {@link Quantities} are arrays indexed by name rather than maps. Names excluded from fair sharing get no number.
 *
 * <p>Mutable (a new name gets the next number); owned by one sorter.
 */
final class ResourceNames {

    static final int EXCLUDED = -1;

    private final Set<String> excluded;
    private final Map<String, Integer> indices = new HashMap<>();

    /** @param excluded names that do not count (the sorter's {@code --fair_sharing_excluded_resource_names}) */
    ResourceNames(Set<String> excluded) {
        this.excluded = Set.copyOf(excluded);
    }

    /** @return how many names have a number: the numbers are 0 to this, exclusive */
    int size() {
        return indices.size();
    }

    /** @return the name's number, the next one if it is new, or {@link #EXCLUDED} */
    int indexOf(String name) {
        Integer index = indices.get(name);
        if (index == null) {
            if (excluded.contains(name)) {
                return EXCLUDED;
            }
            index = indices.size();
            indices.put(name, index);
        }
        return index;
    }
}
