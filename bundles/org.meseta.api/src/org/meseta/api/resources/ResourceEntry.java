package org.meseta.api.resources;

import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Resource.DiskInfo;

/**
 * One resource inside {@link Resources}: the protobuf (post-refinement format, value in canonical form), its
 * identity (everything but the value, and without the disk's volume, which Mesos ignores when comparing) and its
 * value for arithmetic.
 *
 * <p>Most resources are <em>divisible</em>: entries with the same identity combine into one and can be split
 * again. A few are not, following Mesos: persistent volumes, MOUNT and BLOCK disks, RAW disks with an id, and
 * shared resources. Those stay separate entries, are only ever removed whole, and an identical copy added twice
 * is held twice (which is how Mesos counts shared resources).
 *
 * <p>The static list operations below mutate a caller-owned list; {@link Resources} copies before using them.
 */
record ResourceEntry(Resource resource, Resource identity, ResourceValue value) {

    /** @param resource a valid resource in the post-refinement format */
    static ResourceEntry of(Resource resource) {
        ResourceValue value = ResourceValue.of(resource);
        Resource.Builder identity = resource.toBuilder().clearScalar().clearRanges().clearSet();
        if (identity.hasDisk()) {
            identity.getDiskBuilder().clearVolume();
        }
        Resource.Builder canonical = resource.toBuilder().clearScalar().clearRanges().clearSet();
        value.writeTo(canonical);
        return new ResourceEntry(canonical.build(), identity.build(), value);
    }

    boolean isDivisible() {
        if (resource.hasShared()) {
            return false;
        }
        if (!resource.hasDisk()) {
            return true;
        }
        DiskInfo disk = resource.getDisk();
        if (disk.hasPersistence()) {
            return false;
        }
        if (!disk.hasSource()) {
            return true;
        }
        return switch (disk.getSource().getType()) {
            case PATH, UNKNOWN -> true;
            case MOUNT, BLOCK -> false;
            case RAW -> !disk.getSource().hasId();
        };
    }

    /** @return the same resource, value and all, with {@code change} applied to everything but its value */
    ResourceEntry withChange(UnaryOperator<Resource.Builder> change) {
        return new ResourceEntry(change.apply(resource.toBuilder()).build(),
                change.apply(identity.toBuilder()).build(), value);
    }

    private ResourceEntry withValue(ResourceValue newValue) {
        Resource.Builder builder = resource.toBuilder().clearScalar().clearRanges().clearSet();
        newValue.writeTo(builder);
        return new ResourceEntry(builder.build(), identity, newValue);
    }

    private boolean combinesWith(ResourceEntry other) {
        return isDivisible() && other.isDivisible() && identity.equals(other.identity);
    }

    private boolean sameAs(ResourceEntry other) {
        return identity.equals(other.identity) && value.equals(other.value);
    }

    /** Adds {@code entry} to {@code entries}, combining it with a divisible entry of the same identity. */
    static void add(List<ResourceEntry> entries, ResourceEntry entry) {
        if (entry.value.isEmpty()) {
            return;
        }
        if (entry.isDivisible()) {
            for (int i = 0; i < entries.size(); i++) {
                ResourceEntry existing = entries.get(i);
                if (existing.combinesWith(entry)) {
                    entries.set(i, existing.withValue(existing.value.plus(entry.value)));
                    return;
                }
            }
        }
        entries.add(entry);
    }

    /**
     * Removes what {@code entry} describes from {@code entries}, as far as it is there: a divisible entry
     * shrinks (and disappears at zero), an indivisible one is removed only if an identical entry exists.
     */
    static void subtract(List<ResourceEntry> entries, ResourceEntry entry) {
        for (int i = 0; i < entries.size(); i++) {
            ResourceEntry existing = entries.get(i);
            if (entry.isDivisible() ? existing.combinesWith(entry) : existing.sameAs(entry)) {
                ResourceValue remaining = existing.value.minus(entry.value);
                if (remaining.isEmpty() || !entry.isDivisible()) {
                    entries.remove(i);
                } else {
                    entries.set(i, existing.withValue(remaining));
                }
                return;
            }
        }
    }

    /** @return true if one entry of {@code entries} holds all of {@code entry} */
    static boolean holds(List<ResourceEntry> entries, ResourceEntry entry) {
        for (ResourceEntry existing : entries) {
            if (entry.isDivisible()
                    ? existing.combinesWith(entry) && existing.value.contains(entry.value)
                    : existing.sameAs(entry)) {
                return true;
            }
        }
        return false;
    }
}
