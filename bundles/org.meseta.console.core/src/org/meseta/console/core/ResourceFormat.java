package org.meseta.console.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meseta.console.core.model.Amounts;

/**
 * Formats resource quantities for tables and status lines: short, no trailing zeros, memory and
 * disk in binary units (Mesos counts them in megabytes).
 */
public final class ResourceFormat {

    /** Text for "nothing" in a table cell. */
    public static final String NONE = "—";

    private static final String[] UNITS_FROM_MB = {"MB", "GB", "TB", "PB"};
    private static final double STEP = 1024;

    private ResourceFormat() {
    }

    /** {@code 4}, {@code 0.5}, {@code 1.25}: at most two decimals, none when they would be zero. */
    public static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Megabytes in the largest unit that keeps the number at or above 1: {@code 512 MB}, {@code 1.5 GB}. */
    public static String megabytes(double mb) {
        double value = mb;
        int unit = 0;
        while (Math.abs(value) >= STEP && unit < UNITS_FROM_MB.length - 1) {
            value /= STEP;
            unit++;
        }
        return number(value) + " " + UNITS_FROM_MB[unit];
    }

    /** CPUs as {@code used / total}, for example {@code 0.5 / 4}. */
    public static String cpus(double used, double total) {
        return number(used) + " / " + number(total);
    }

    /** Memory or disk as {@code used / total}, for example {@code 512 MB / 1.5 GB}. */
    public static String usedOfTotalMegabytes(double usedMb, double totalMb) {
        return megabytes(usedMb) + " / " + megabytes(totalMb);
    }

    /** The amounts that are not zero, for example {@code 1.5 cpus · 512 MB mem · 10 ports}; {@value #NONE} if none. */
    public static String amounts(Amounts amounts) {
        List<String> parts = new ArrayList<>();
        if (amounts.cpus() != 0) {
            parts.add(number(amounts.cpus()) + " cpus");
        }
        if (amounts.memMb() != 0) {
            parts.add(megabytes(amounts.memMb()) + " mem");
        }
        if (amounts.diskMb() != 0) {
            parts.add(megabytes(amounts.diskMb()) + " disk");
        }
        if (amounts.ports() != 0) {
            parts.add(amounts.ports() + " ports");
        }
        return parts.isEmpty() ? NONE : String.join(" · ", parts);
    }

    /**
     * Scalar quantities by resource name, in the map's order, as {@link #amounts} shows them (memory and disk in
     * binary units), for example {@code 2 cpus · 1 GB mem · 3 gpus}; {@value #NONE} if none.
     */
    public static String quantities(Map<String, Double> quantities) {
        List<String> parts = new ArrayList<>();
        quantities.forEach((name, value) -> parts.add((name.equals("mem") || name.equals("disk") ? megabytes(value)
                : number(value)) + " " + name));
        return parts.isEmpty() ? NONE : String.join(" · ", parts);
    }
}
