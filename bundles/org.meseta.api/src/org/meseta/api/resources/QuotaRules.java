package org.meseta.api.resources;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;

/**
 * The rules a {@code QuotaConfig} of {@code UPDATE_QUOTA} must follow on its own, with Mesos's texts: what the master
 * checks before it looks at the cluster (its roles whitelist, what roles consume, the cluster's capacity), and what
 * a client such as the console checks before it sends one. Stateless.
 */
public final class QuotaRules {

    /** Mesos's largest quota of {@code mem} and {@code disk}: 1 exabyte, in megabytes. */
    public static final double MAX_MEGABYTES = 1024.0 * 1024 * 1024 * 1024;
    /** Mesos's largest quota of any other resource: a trillion. */
    public static final double MAX_OTHER = 1e12;

    private QuotaRules() {
    }

    /**
     * Why {@code config} cannot be applied, as Mesos words it after {@code Invalid QuotaConfig: } (the caller adds
     * that), or empty: its role (set, valid, not {@code *}, not nested), then its guarantees and limits (finite,
     * not negative or subnormal, not too large, of scalar resources, the guarantees within the limits).
     *
     * @param nonScalar the resource names known not to be scalar ({@code ports}, and the ranges and sets agents
     *        have): quota on them could never be consumed
     */
    public static Optional<String> problem(QuotaConfig config, Set<String> nonScalar) {
        String role = config.getRole();
        if (role.contains("/")) {
            // Mesos 1.11 does not support it yet (MESOS-7402); the allocator would apply it to the subtree.
            return Optional.of("Updating quota on nested role '" + role + "' is not supported yet");
        }
        if (!config.hasRole()) {
            return Optional.of("'QuotaConfig.role' must be set");
        }
        Optional<String> roleProblem = Roles.problem(role);
        if (roleProblem.isPresent()) {
            return Optional.of("Invalid 'QuotaConfig.role': " + roleProblem.get());
        }
        if (role.equals(Roles.DEFAULT_ROLE)) {
            return Optional.of("Invalid 'QuotaConfig.role': setting quota for the default '*' role is not supported");
        }
        return tooLarge(config.getGuaranteesMap()).map(problem -> "Invalid 'QuotaConfig.guarantees': " + problem)
                .or(() -> tooLarge(config.getLimitsMap()).map(problem -> "Invalid 'QuotaConfig.limits': " + problem))
                .or(() -> valueProblem("guarantee", config.getGuaranteesMap()))
                .or(() -> valueProblem("limit", config.getLimitsMap()))
                .or(() -> nonScalarProblem(config, nonScalar))
                .or(() -> contains(amounts(config.getLimitsMap()), amounts(config.getGuaranteesMap()))
                        ? Optional.empty()
                        : Optional.of("'QuotaConfig.guarantees' " + text(config.getGuaranteesMap())
                                + " is not contained within the 'QuotaConfig.limits' " + text(config.getLimitsMap())));
    }

    /** Whether {@code quantities} are within {@code limits}: names without a limit are unlimited. */
    public static boolean contains(Map<String, Double> limits, Map<String, Double> quantities) {
        return limits.entrySet().stream()
                .allMatch(limit -> quantities.getOrDefault(limit.getKey(), 0.0) <= limit.getValue());
    }

    /** Resource name → amount of a protobuf map of scalars, in name order. */
    public static Map<String, Double> amounts(Map<String, Value.Scalar> scalars) {
        Map<String, Double> amounts = new TreeMap<>();
        scalars.forEach((name, scalar) -> amounts.put(name, scalar.getValue()));
        return amounts;
    }

    private static Optional<String> tooLarge(Map<String, Value.Scalar> amounts) {
        for (Map.Entry<String, Value.Scalar> entry : new TreeMap<>(amounts).entrySet()) {
            double value = entry.getValue().getValue();
            boolean megabytes = entry.getKey().equals("mem") || entry.getKey().equals("disk");
            if (value > (megabytes ? MAX_MEGABYTES : MAX_OTHER)) {
                return Optional.of("{'" + entry.getKey() + "': " + number(value) + "} is invalid: values greater than "
                        + (megabytes ? "1 exabyte (1099511627776)" : "1 trillion (1000000000000)")
                        + " are not supported");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> valueProblem(String kind, Map<String, Value.Scalar> amounts) {
        for (Map.Entry<String, Value.Scalar> entry : new TreeMap<>(amounts).entrySet()) {
            double value = entry.getValue().getValue();
            Optional<String> problem = Double.isNaN(value) ? Optional.of("NaN not supported")
                    : Double.isInfinite(value) ? Optional.of("Infinite values not supported")
                    : value != 0 && Math.abs(value) < Double.MIN_NORMAL ? Optional.of("Subnormal values not supported")
                    : value < 0 ? Optional.of("Negative values not supported") : Optional.empty();
            if (problem.isPresent()) {
                return Optional.of("Invalid " + kind + " configuration {'" + entry.getKey() + "': " + number(value)
                        + "}: " + problem.get());
            }
        }
        return Optional.empty();
    }

    // Meseta's own check: Mesos accepts any name, but quota on ranges or sets could never be consumed.
    private static Optional<String> nonScalarProblem(QuotaConfig config, Set<String> nonScalar) {
        Set<String> names = new TreeSet<>(config.getGuaranteesMap().keySet());
        names.addAll(config.getLimitsMap().keySet());
        return names.stream().filter(nonScalar::contains).findFirst().map(name -> "'" + name
                + "' is not a scalar resource: quota applies to scalar resources only");
    }

    /** A protobuf map of quantities as Mesos prints it in errors, {@code { cpus: 1, mem: 512 }}. */
    private static String text(Map<String, Value.Scalar> scalars) {
        return amounts(scalars).entrySet().stream().map(entry -> entry.getKey() + ": " + number(entry.getValue()))
                .collect(Collectors.joining(", ", "{ ", " }"));
    }

    /** A number as Mesos prints it: no exponent, no trailing zeros. */
    public static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}
