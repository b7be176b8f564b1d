package org.meseta.master.internal.allocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Mesos's {@code --min_allocatable_resources}: alternatives separated by {@code |}, each a list of scalar
 * quantities {@code name:amount} separated by {@code ;}, e.g. {@code cpus:0.01|mem:32}. Stateless.
 */
public final class MinAllocatable {

    private MinAllocatable() {}

    /**
     * @return one map of quantities per alternative
     * @throws IllegalArgumentException naming the bad part, e.g. {@code expected name:amount, got 'cpus'}
     */
    public static List<Map<String, Double>> parse(String text) {
        List<Map<String, Double>> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\|", -1)) {
            Map<String, Double> quantities = new LinkedHashMap<>();
            for (String quantity : alternative.split(";", -1)) {
                String trimmed = quantity.strip();
                int colon = trimmed.indexOf(':');
                if (colon <= 0 || colon == trimmed.length() - 1) {
                    throw new IllegalArgumentException("expected name:amount, got '" + trimmed + "'");
                }
                String name = trimmed.substring(0, colon).strip();
                double amount;
                try {
                    amount = Double.parseDouble(trimmed.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("the amount of '" + name + "' must be a number, got '"
                            + trimmed.substring(colon + 1).strip() + "'");
                }
                if (!(amount >= 0) || Double.isInfinite(amount)) {
                    throw new IllegalArgumentException("the amount of '" + name + "' must not be negative");
                }
                quantities.merge(name, amount, Double::sum);
            }
            alternatives.add(quantities);
        }
        return alternatives;
    }

    /** The flag's text for a parsed value. */
    public static String format(List<Map<String, Double>> alternatives) {
        List<String> parts = new ArrayList<>();
        for (Map<String, Double> alternative : alternatives) {
            List<String> quantities = new ArrayList<>();
            alternative.forEach((name, amount) -> quantities.add(name + ":" + stripZero(amount)));
            parts.add(String.join(";", quantities));
        }
        return String.join("|", parts);
    }

    private static String stripZero(double amount) {
        return amount == Math.rint(amount) ? Long.toString((long) amount) : Double.toString(amount);
    }
}
