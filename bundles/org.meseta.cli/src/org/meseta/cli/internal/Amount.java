package org.meseta.cli.internal;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.meseta.api.resources.RangeSet;
import org.meseta.api.resources.Scalars;

/**
 * The value of one resource as something to take parts of: a quantity of a scalar, a set of ranges, a set of items.
 * Amounts of different kinds have nothing in common. Immutable.
 */
sealed interface Amount {

    /**
     * The value of {@code resource}.
     *
     * @throws IllegalArgumentException for a TEXT value, which no resource has
     */
    static Amount of(Resource resource) {
        return switch (resource.getType()) {
            case SCALAR -> new Scalar(Scalars.toMillis(resource.getScalar().getValue()));
            case RANGES -> new Ranges(RangeSet.of(resource.getRanges()));
            case SET -> new Items(Collections.unmodifiableSet(new TreeSet<>(resource.getSet().getItemList())));
            case TEXT -> throw new IllegalArgumentException("Resource '" + resource.getName() + "' has a TEXT value");
        };
    }

    /** What this amount and {@code available} have in common: the smaller quantity, the common ranges or items. */
    Amount commonWith(Amount available);

    /** This amount without {@code taken}, which is part of it. */
    Amount minus(Amount taken);

    boolean isEmpty();

    /** A copy of {@code resource} with this amount as its value; everything else (role, reservations, ...) is kept. */
    Resource applyTo(Resource resource);

    /** A scalar quantity in thousandths, as Mesos counts them. */
    record Scalar(long millis) implements Amount {
        @Override
        public Amount commonWith(Amount available) {
            return new Scalar(available instanceof Scalar other ? Math.min(millis, other.millis) : 0);
        }

        @Override
        public Amount minus(Amount taken) {
            return taken instanceof Scalar other ? new Scalar(millis - other.millis) : this;
        }

        @Override
        public boolean isEmpty() {
            return millis <= 0;
        }

        @Override
        public Resource applyTo(Resource resource) {
            return resource.toBuilder().setScalar(Value.Scalar.newBuilder().setValue(Scalars.toDouble(millis))).build();
        }
    }

    /** Ranges, such as ports. */
    record Ranges(RangeSet ranges) implements Amount {
        @Override
        public Amount commonWith(Amount available) {
            return new Ranges(available instanceof Ranges other ? ranges.minus(ranges.minus(other.ranges))
                    : RangeSet.empty());
        }

        @Override
        public Amount minus(Amount taken) {
            return taken instanceof Ranges other ? new Ranges(ranges.minus(other.ranges)) : this;
        }

        @Override
        public boolean isEmpty() {
            return ranges.isEmpty();
        }

        @Override
        public Resource applyTo(Resource resource) {
            return resource.toBuilder().setRanges(ranges.toProto()).build();
        }
    }

    /** Set items, in sorted order. */
    record Items(Set<String> items) implements Amount {
        @Override
        public Amount commonWith(Amount available) {
            Set<String> common = new TreeSet<>(items);
            common.retainAll(available instanceof Items other ? other.items : Set.of());
            return new Items(Collections.unmodifiableSet(common));
        }

        @Override
        public Amount minus(Amount taken) {
            Set<String> rest = new TreeSet<>(items);
            rest.removeAll(taken instanceof Items other ? other.items : Set.of());
            return new Items(Collections.unmodifiableSet(rest));
        }

        @Override
        public boolean isEmpty() {
            return items.isEmpty();
        }

        @Override
        public Resource applyTo(Resource resource) {
            return resource.toBuilder().setSet(Value.Set.newBuilder().addAllItem(items)).build();
        }
    }
}
