package org.meseta.api.resources;

import java.math.BigDecimal;

/**
 * Fixed-point arithmetic for scalar resource values, as Mesos does it: a scalar is kept as a whole number of
 * thousandths ("millis"), so sums and differences are exact and 0.1 + 0.2 is 0.3. Conversion from a double
 * rounds to the nearest thousandth, halves away from zero.
 *
 * <p>Stateless and thread-safe.
 */
public final class Scalars {
    /** Thousandths per unit. */
    public static final long SCALE = 1000;

    /**
     * The largest scalar a resource may carry, in thousandths: 2^53, so that every value converts to a double
     * and back without loss.
     */
    public static final long MAX_MILLIS = 1L << 53;

    private Scalars() {
    }

    /**
     * @param value a finite double
     * @return {@code value} rounded to the nearest thousandth, expressed in thousandths
     * @throws IllegalArgumentException if {@code value} is not finite or too large for {@link #MAX_MILLIS}
     */
    public static long toMillis(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Scalar value " + value + " is not finite");
        }
        double scaled = Math.abs(value) * SCALE;
        if (scaled > MAX_MILLIS) {
            throw new IllegalArgumentException("Scalar value " + value + " is too large");
        }
        long rounded = Math.round(scaled);
        return value < 0 ? -rounded : rounded;
    }

    /**
     * @param millis a value in thousandths
     * @return the double nearest to {@code millis / 1000}
     */
    public static double toDouble(long millis) {
        if (Math.abs(millis) <= MAX_MILLIS) {
            // Both operands are exact doubles, so IEEE division gives the correctly rounded quotient.
            return millis / (double) SCALE;
        }
        return BigDecimal.valueOf(millis, 3).doubleValue();
    }

    /**
     * @param millis a value in thousandths
     * @return the shortest exact decimal form, e.g. {@code 2}, {@code 0.1}, {@code 1024.5}
     */
    public static String format(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
