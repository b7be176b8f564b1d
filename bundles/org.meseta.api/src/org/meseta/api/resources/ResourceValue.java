package org.meseta.api.resources;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

/**
 * The quantity a resource carries, in the canonical form used for arithmetic: scalars as thousandths, ranges
 * coalesced, sets as string sets. Operations take a value of the same kind (the caller has matched the
 * resources' identities, which include the type). Immutable.
 */
sealed interface ResourceValue {

    /**
     * @param resource a validated resource of type SCALAR, RANGES or SET
     * @return its value
     */
    static ResourceValue of(Resource resource) {
        return switch (resource.getType()) {
            case SCALAR -> new OfScalar(Scalars.toMillis(resource.getScalar().getValue()));
            case RANGES -> new OfRanges(RangeSet.of(resource.getRanges()));
            case SET -> new OfSet(Collections.unmodifiableSet(new LinkedHashSet<>(resource.getSet().getItemList())));
            case TEXT -> throw new IllegalArgumentException("TEXT values exist only for attributes");
        };
    }

    ResourceValue plus(ResourceValue other);

    /** Removes what is there; a scalar never goes below zero. */
    ResourceValue minus(ResourceValue other);

    boolean contains(ResourceValue other);

    boolean isEmpty();

    /** Sets the value fields of {@code builder} (which has none set). */
    void writeTo(Resource.Builder builder);

    /** @return the Mesos text form of the value */
    @Override
    String toString();

    /** A scalar in thousandths, never negative. */
    record OfScalar(long millis) implements ResourceValue {
        @Override
        public ResourceValue plus(ResourceValue other) {
            return new OfScalar(Math.addExact(millis, ((OfScalar) other).millis));
        }

        @Override
        public ResourceValue minus(ResourceValue other) {
            return new OfScalar(Math.max(0, millis - ((OfScalar) other).millis));
        }

        @Override
        public boolean contains(ResourceValue other) {
            return millis >= ((OfScalar) other).millis;
        }

        @Override
        public boolean isEmpty() {
            return millis == 0;
        }

        @Override
        public void writeTo(Resource.Builder builder) {
            builder.setScalar(Value.Scalar.newBuilder().setValue(Scalars.toDouble(millis)));
        }

        @Override
        public String toString() {
            return Scalars.format(millis);
        }
    }

    /** Coalesced ranges. */
    record OfRanges(RangeSet ranges) implements ResourceValue {
        @Override
        public ResourceValue plus(ResourceValue other) {
            return new OfRanges(ranges.plus(((OfRanges) other).ranges));
        }

        @Override
        public ResourceValue minus(ResourceValue other) {
            return new OfRanges(ranges.minus(((OfRanges) other).ranges));
        }

        @Override
        public boolean contains(ResourceValue other) {
            return ranges.contains(((OfRanges) other).ranges);
        }

        @Override
        public boolean isEmpty() {
            return ranges.isEmpty();
        }

        @Override
        public void writeTo(Resource.Builder builder) {
            builder.setRanges(ranges.toProto());
        }

        @Override
        public String toString() {
            return ranges.toString();
        }
    }

    /** A set of strings; iteration keeps first-insertion order so output is stable. */
    record OfSet(Set<String> items) implements ResourceValue {
        @Override
        public ResourceValue plus(ResourceValue other) {
            Set<String> union = new LinkedHashSet<>(items);
            union.addAll(((OfSet) other).items);
            return new OfSet(Collections.unmodifiableSet(union));
        }

        @Override
        public ResourceValue minus(ResourceValue other) {
            Set<String> difference = new LinkedHashSet<>(items);
            difference.removeAll(((OfSet) other).items);
            return new OfSet(Collections.unmodifiableSet(difference));
        }

        @Override
        public boolean contains(ResourceValue other) {
            return items.containsAll(((OfSet) other).items);
        }

        @Override
        public boolean isEmpty() {
            return items.isEmpty();
        }

        @Override
        public void writeTo(Resource.Builder builder) {
            builder.setSet(Value.Set.newBuilder().addAllItem(items));
        }

        @Override
        public String toString() {
            return "{" + String.join(", ", items) + "}";
        }
    }
}
