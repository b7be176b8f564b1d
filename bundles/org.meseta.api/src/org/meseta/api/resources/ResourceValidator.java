package org.meseta.api.resources;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Resource.DiskInfo;
import org.apache.mesos.v1.Protos.Value;

/**
 * Checks a single {@link Resource} the way Mesos's resource validation does (name, value, disk, reservations,
 * sharing), plus one rule of Meseta's own: the well-known resources have fixed types ({@code cpus}, {@code mem},
 * {@code disk} and {@code gpus} are scalars, {@code ports} are ranges), since the allocator relies on that.
 */
final class ResourceValidator {
    private static final Map<String, Value.Type> KNOWN_TYPES = Map.of(
            "cpus", Value.Type.SCALAR,
            "mem", Value.Type.SCALAR,
            "disk", Value.Type.SCALAR,
            "gpus", Value.Type.SCALAR,
            "ports", Value.Type.RANGES);

    private ResourceValidator() {
    }

    /** @return why {@code resource} is invalid, or empty if it is valid (in either reservation format) */
    static Optional<String> problem(Resource resource) {
        return Stream.<Supplier<Optional<String>>>of(
                        () -> resource.getName().isEmpty()
                                ? Optional.of("the resource name must not be empty") : Optional.empty(),
                        () -> valueProblem(resource),
                        () -> knownTypeProblem(resource),
                        () -> diskProblem(resource),
                        () -> Reservations.problem(resource),
                        () -> sharingProblem(resource))
                .map(Supplier::get)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** @return the kind of value a type name stands for in messages */
    static String describe(Value.Type type) {
        return switch (type) {
            case SCALAR -> "a scalar";
            case RANGES -> "ranges";
            case SET -> "a set";
            case TEXT -> "text";
        };
    }

    private static Optional<String> valueProblem(Resource resource) {
        if (!resource.hasType()) {
            return Optional.of("the resource type is missing");
        }
        int values = (resource.hasScalar() ? 1 : 0) + (resource.hasRanges() ? 1 : 0) + (resource.hasSet() ? 1 : 0);
        return switch (resource.getType()) {
            case SCALAR -> values != 1 || !resource.hasScalar()
                    ? Optional.of("a SCALAR resource must carry a 'scalar' value and no other")
                    : scalarProblem(resource.getScalar().getValue());
            case RANGES -> values != 1 || !resource.hasRanges()
                    ? Optional.of("a RANGES resource must carry a 'ranges' value and no other")
                    : rangesProblem(resource.getRanges());
            case SET -> values != 1 || !resource.hasSet()
                    ? Optional.of("a SET resource must carry a 'set' value and no other")
                    : setProblem(resource.getSet());
            case TEXT -> Optional.of("TEXT values are only allowed for attributes, not for resources");
        };
    }

    static Optional<String> scalarProblem(double value) {
        if (!Double.isFinite(value)) {
            return Optional.of("the scalar value must be a finite number");
        }
        if (value < 0) {
            return Optional.of("the scalar value must not be negative");
        }
        if (value * Scalars.SCALE > Scalars.MAX_MILLIS) {
            return Optional.of("the scalar value " + plain(value) + " is too large (at most "
                    + Scalars.format(Scalars.MAX_MILLIS) + ")");
        }
        if (value != 0 && Scalars.toMillis(value) == 0) {
            return Optional.of("the scalar value " + plain(value) + " is below the resolution of 0.001");
        }
        return Optional.empty();
    }

    static Optional<String> rangesProblem(Value.Ranges ranges) {
        Value.Range[] sorted = ranges.getRangeList().toArray(new Value.Range[0]);
        for (Value.Range range : sorted) {
            try {
                RangeSet.of(range.getBegin(), range.getEnd());
            } catch (IllegalArgumentException e) {
                return Optional.of(lowerFirst(e.getMessage()));
            }
        }
        Arrays.sort(sorted, Comparator.comparingLong(Value.Range::getBegin));
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].getBegin() <= sorted[i - 1].getEnd()) {
                return Optional.of("ranges " + sorted[i - 1].getBegin() + "-" + sorted[i - 1].getEnd() + " and "
                        + sorted[i].getBegin() + "-" + sorted[i].getEnd() + " overlap");
            }
        }
        return Optional.empty();
    }

    static Optional<String> setProblem(Value.Set set) {
        Set<String> seen = new HashSet<>();
        return set.getItemList().stream()
                .filter(item -> !seen.add(item))
                .findFirst()
                .map(item -> "the set item '" + item + "' is given more than once");
    }

    private static Optional<String> knownTypeProblem(Resource resource) {
        Value.Type expected = KNOWN_TYPES.get(resource.getName());
        if (expected == null || expected == resource.getType()) {
            return Optional.empty();
        }
        String example = resource.getName() + (expected == Value.Type.SCALAR ? ":2" : ":[31000-32000]");
        return Optional.of("'" + resource.getName() + "' must be " + describe(expected) + " (e.g. " + example
                + "), not " + describe(resource.getType()));
    }

    private static Optional<String> diskProblem(Resource resource) {
        if (!resource.hasDisk()) {
            return Optional.empty();
        }
        if (!resource.getName().equals("disk")) {
            return Optional.of("disk information is only allowed on the 'disk' resource");
        }
        if (!resource.getDisk().hasSource()) {
            return Optional.empty();
        }
        DiskInfo.Source source = resource.getDisk().getSource();
        return switch (source.getType()) {
            case PATH, MOUNT -> Optional.empty();
            case BLOCK, RAW -> source.hasMount() || source.hasPath()
                    ? Optional.of("a " + source.getType() + " disk source must not have a mount or a path")
                    : Optional.empty();
            case UNKNOWN -> Optional.of("the disk source type must be PATH, MOUNT, BLOCK or RAW");
        };
    }

    private static Optional<String> sharingProblem(Resource resource) {
        if (!resource.hasShared()) {
            return Optional.empty();
        }
        if (!resource.getName().equals("disk")) {
            return Optional.of("only 'disk' resources can be shared, not '" + resource.getName() + "'");
        }
        return resource.getDisk().hasPersistence()
                ? Optional.empty()
                : Optional.of("only persistent volumes can be shared");
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
