package org.meseta.api.flags;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Durations in the text form of Mesos's stout library, used by Mesos flags and printed by its {@code /flags}
 * endpoint: a non-negative decimal number immediately followed by one of the units {@code ns}, {@code us},
 * {@code ms}, {@code secs}, {@code mins}, {@code hrs}, {@code days}, {@code weeks}, e.g. {@code 15secs},
 * {@code 100ms}, {@code 1.5days}. Durations are whole nanoseconds that fit in a signed 64-bit integer.
 *
 * <p>Formatting follows stout: pick the largest unit in which the duration is at least 1; if the value is not
 * whole in that unit but is whole in the next smaller one, use the smaller one; print the value with up to 15
 * significant digits. So 15 s is {@code 15secs}, 90 s is {@code 90secs}, 1.5 days is {@code 36hrs}, 10 min is
 * {@code 10mins} and 1.25 s is {@code 1250ms}.
 *
 * <p>Stateless and thread-safe.
 */
public final class StoutDuration {
    private enum Unit {
        NANOSECONDS("ns", 1L),
        MICROSECONDS("us", 1_000L),
        MILLISECONDS("ms", 1_000_000L),
        SECONDS("secs", 1_000_000_000L),
        MINUTES("mins", 60 * 1_000_000_000L),
        HOURS("hrs", 3_600 * 1_000_000_000L),
        DAYS("days", 86_400 * 1_000_000_000L),
        WEEKS("weeks", 7 * 86_400 * 1_000_000_000L);

        private final String symbol;
        private final long nanos;

        Unit(String symbol, long nanos) {
            this.symbol = symbol;
            this.nanos = nanos;
        }
    }

    private static final String UNITS = Arrays.stream(Unit.values())
            .map(unit -> unit.symbol)
            .collect(Collectors.joining(", "));
    private static final MathContext SIGNIFICANT_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private StoutDuration() {
    }

    /**
     * @param text a duration such as {@code 15secs}
     * @return the duration, truncated to whole nanoseconds
     * @throws IllegalArgumentException with a message naming the text and the problem
     */
    public static Duration parse(String text) {
        try {
            return parseValue(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid duration '" + text + "': " + e.getMessage(), e);
        }
    }

    /** As {@link #parse}, with the bare reason as the exception message (for callers that add their own context). */
    static Duration parseValue(String text) {
        int unitStart = 0;
        while (unitStart < text.length() && isNumberCharacter(text.charAt(unitStart))) {
            unitStart++;
        }
        String number = text.substring(0, unitStart);
        String symbol = text.substring(unitStart);
        if (number.isEmpty()) {
            throw new IllegalArgumentException(text.startsWith("-")
                    ? "negative durations are not supported"
                    : "expected a number followed by a unit (" + UNITS + "), e.g. 15secs");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + number + "' is not a number");
        }
        if (symbol.isEmpty()) {
            throw new IllegalArgumentException("the unit is missing; expected one of " + UNITS);
        }
        Unit unit = Arrays.stream(Unit.values())
                .filter(candidate -> candidate.symbol.equals(symbol))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown unit '" + symbol + "'; expected one of " + UNITS));
        BigDecimal nanos = value.multiply(BigDecimal.valueOf(unit.nanos));
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(
                    "it exceeds the longest duration, " + Long.MAX_VALUE + "ns (about 292 years)");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    private static boolean isNumberCharacter(char c) {
        return (c >= '0' && c <= '9') || c == '.';
    }

    /**
     * @param duration a duration of at most {@link Long#MAX_VALUE} nanoseconds either way
     * @return its stout text form, e.g. {@code 15secs}; negative durations start with {@code -}
     * @throws IllegalArgumentException if the duration does not fit in 64-bit nanoseconds
     */
    public static String format(Duration duration) {
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Duration " + duration + " is too long to print in stout form", e);
        }
        if (nanos < 0) {
            // Long.MIN_VALUE has no positive counterpart; stout prints it as the maximum, negated.
            return "-" + formatNonNegative(nanos == Long.MIN_VALUE ? Long.MAX_VALUE : -nanos);
        }
        return formatNonNegative(nanos);
    }

    private static String formatNonNegative(long nanos) {
        Unit[] units = Unit.values();
        int bucket = 0;
        while (bucket + 1 < units.length && nanos >= units[bucket + 1].nanos) {
            bucket++;
        }
        Unit unit = units[bucket];
        if (bucket > 0 && nanos % unit.nanos != 0 && nanos % units[bucket - 1].nanos == 0) {
            unit = units[bucket - 1];
        }
        BigDecimal value = new BigDecimal(nanos).divide(BigDecimal.valueOf(unit.nanos), SIGNIFICANT_DIGITS);
        return value.stripTrailingZeros().toPlainString() + unit.symbol;
    }
}
