package org.meseta.api.resources;

import java.util.Arrays;
import org.apache.mesos.v1.Protos.Value;

/**
 * An immutable set of non-negative integers held as sorted, disjoint, non-adjacent closed intervals, the
 * canonical form of a Mesos {@code RANGES} value: {@code [1-2]} plus {@code [3-4]} is {@code [1-4]}, and removing
 * {@code [10-20]} from {@code [1-100]} leaves {@code [1-9, 21-100]}.
 *
 * <p>Thread-safe (immutable). Bounds are {@code long}s between 0 and {@link Long#MAX_VALUE}; the protobuf field is
 * an unsigned 64-bit integer, whose upper half Meseta does not accept.
 */
public final class RangeSet {
    private static final RangeSet EMPTY = new RangeSet(new long[0]);

    /** begin0, end0, begin1, end1, ... sorted, disjoint and non-adjacent. */
    private final long[] bounds;

    private RangeSet(long[] bounds) {
        this.bounds = bounds;
    }

    /** @return the set with no numbers */
    public static RangeSet empty() {
        return EMPTY;
    }

    /**
     * @param begin first number, at least 0
     * @param end last number (inclusive), at least {@code begin}
     * @return the interval {@code [begin-end]}
     * @throws IllegalArgumentException if the bounds are negative or inverted
     */
    public static RangeSet of(long begin, long end) {
        checkRange(begin, end);
        return new RangeSet(new long[] {begin, end});
    }

    /**
     * Coalesces the given ranges; overlapping and adjacent ranges merge.
     *
     * @param ranges any ranges, in any order
     * @return their union
     * @throws IllegalArgumentException if a range is inverted or has a negative bound
     */
    public static RangeSet of(Value.Ranges ranges) {
        long[] flat = new long[ranges.getRangeCount() * 2];
        for (int i = 0; i < ranges.getRangeCount(); i++) {
            Value.Range range = ranges.getRange(i);
            checkRange(range.getBegin(), range.getEnd());
            flat[2 * i] = range.getBegin();
            flat[2 * i + 1] = range.getEnd();
        }
        return coalesce(flat);
    }

    private static void checkRange(long begin, long end) {
        if (begin < 0 || end < 0) {
            throw new IllegalArgumentException(
                    "Range " + Long.toUnsignedString(begin) + "-" + Long.toUnsignedString(end)
                            + " is out of bounds: numbers must be between 0 and " + Long.MAX_VALUE);
        }
        if (begin > end) {
            throw new IllegalArgumentException("Range " + begin + "-" + end + " has its begin after its end");
        }
    }

    private static RangeSet coalesce(long[] flat) {
        int count = flat.length / 2;
        if (count == 0) {
            return EMPTY;
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(flat[2 * a], flat[2 * b]));
        long[] merged = new long[flat.length];
        int size = 0;
        for (int index : order) {
            long begin = flat[2 * index];
            long end = flat[2 * index + 1];
            // 'begin - 1' cannot overflow (begin >= 0), whereas 'end + 1' could.
            if (size > 0 && begin - 1 <= merged[size - 1]) {
                merged[size - 1] = Math.max(merged[size - 1], end);
            } else {
                merged[size++] = begin;
                merged[size++] = end;
            }
        }
        return new RangeSet(Arrays.copyOf(merged, size));
    }

    /** @return true if the set holds no number */
    public boolean isEmpty() {
        return bounds.length == 0;
    }

    /** @return how many numbers the set holds, saturating at {@link Long#MAX_VALUE} */
    public long size() {
        long total = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            long width = bounds[i + 1] - bounds[i] + 1;
            if (width <= 0 || total > Long.MAX_VALUE - width) {
                return Long.MAX_VALUE;
            }
            total += width;
        }
        return total;
    }

    /**
     * @param other another set
     * @return the union
     */
    public RangeSet plus(RangeSet other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        long[] flat = Arrays.copyOf(bounds, bounds.length + other.bounds.length);
        System.arraycopy(other.bounds, 0, flat, bounds.length, other.bounds.length);
        return coalesce(flat);
    }

    /**
     * @param other the numbers to remove (need not be contained)
     * @return this set without the numbers of {@code other}; intervals split where needed
     */
    public RangeSet minus(RangeSet other) {
        if (isEmpty() || other.isEmpty()) {
            return this;
        }
        // Each interval of 'other' can split at most one interval of this set in two.
        long[] result = new long[bounds.length + other.bounds.length];
        int size = 0;
        int j = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            long begin = bounds[i];
            long end = bounds[i + 1];
            while (j < other.bounds.length && other.bounds[j + 1] < begin) {
                j += 2;
            }
            boolean remaining = true;
            for (int k = j; remaining && k < other.bounds.length && other.bounds[k] <= end; k += 2) {
                if (other.bounds[k] > begin) {
                    result[size++] = begin;
                    result[size++] = other.bounds[k] - 1;
                }
                // 'other.bounds[k + 1] + 1' cannot overflow here: it is below 'end'.
                remaining = other.bounds[k + 1] < end;
                begin = remaining ? other.bounds[k + 1] + 1 : begin;
            }
            if (remaining) {
                result[size++] = begin;
                result[size++] = end;
            }
        }
        return size == 0 ? EMPTY : new RangeSet(Arrays.copyOf(result, size));
    }

    /**
     * @param other another set
     * @return true if every number of {@code other} is in this set
     */
    public boolean contains(RangeSet other) {
        int i = 0;
        for (int j = 0; j < other.bounds.length; j += 2) {
            while (i < bounds.length && bounds[i + 1] < other.bounds[j]) {
                i += 2;
            }
            if (i == bounds.length || bounds[i] > other.bounds[j] || bounds[i + 1] < other.bounds[j + 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param number a number
     * @return true if the set holds {@code number}
     */
    public boolean contains(long number) {
        for (int i = 0; i < bounds.length && bounds[i] <= number; i += 2) {
            if (number <= bounds[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** @return the protobuf form, ranges in ascending order */
    public Value.Ranges toProto() {
        Value.Ranges.Builder builder = Value.Ranges.newBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            builder.addRangeBuilder().setBegin(bounds[i]).setEnd(bounds[i + 1]);
        }
        return builder.build();
    }

    /** @return the Mesos text form, e.g. {@code [1-2, 5-10]}; {@code []} when empty */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < bounds.length; i += 2) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(bounds[i]).append('-').append(bounds[i + 1]);
        }
        return text.append(']').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RangeSet that && Arrays.equals(bounds, that.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }
}
