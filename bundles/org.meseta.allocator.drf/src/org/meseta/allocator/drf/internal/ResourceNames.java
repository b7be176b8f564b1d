package org.meseta.allocator.drf.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scalar resource names numbered in the order they are first met, so that {@link Quantities} are arrays indexed by
 * name rather than maps, and the quantities of an offer, counted once, serve both sorters. One numbering for the
 * whole bundle: quantities pass between sorters and allocators. It keeps every name it numbered, which are the
 * scalar resource names of the agents seen (a handful in a cluster).
 *
 * <p>Thread-safe: allocators run on their own threads.
 */
final class ResourceNames {

    private static final Map<String, Integer> INDICES = new ConcurrentHashMap<>();
    private static final AtomicInteger COUNT = new AtomicInteger();

    private ResourceNames() {
    }

    /** @return the name's number, the next one if it is new */
    static int indexOf(String name) {
        Integer index = INDICES.get(name);
        return index != null ? index : INDICES.computeIfAbsent(name, key -> COUNT.getAndIncrement());
    }

    /** @return how many names have a number: the numbers are 0 to this, exclusive */
    static int count() {
        return COUNT.get();
    }
}
