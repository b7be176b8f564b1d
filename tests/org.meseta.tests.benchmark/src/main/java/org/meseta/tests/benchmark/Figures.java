package org.meseta.tests.benchmark;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What every benchmark shares: its {@code --name=value} options and the figures it prints. Stateless. */
public final class Figures {

    private Figures() {
    }

    /**
     * {@code --name=value} options ({@code --name} alone means {@code true}). {@code --root} (the source tree, which
     * the Maven profile passes to every benchmark) is always accepted.
     *
     * @throws IllegalArgumentException naming the option when it is not one of {@code known}
     */
    public static Map<String, String> options(String[] args, Set<String> known) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") ? arg.substring(2, equals < 0 ? arg.length() : equals) : "";
            if (!known.contains(name) && !name.equals("root")) {
                throw new IllegalArgumentException("Unknown option '" + arg + "'; known: --" + String.join(", --",
                        known.stream().sorted().toList()));
            }
            options.put(name, equals < 0 ? "true" : arg.substring(equals + 1));
        }
        return options;
    }

    public static double millis(long nanos) {
        return nanos / 1e6;
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
