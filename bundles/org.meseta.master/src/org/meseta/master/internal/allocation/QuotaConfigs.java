package org.meseta.master.internal.allocation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.apache.mesos.v1.quota.Protos.QuotaInfo;
import org.apache.mesos.v1.quota.Protos.QuotaStatus;
import org.meseta.allocator.api.Quota;
import org.meseta.api.resources.Roles;

/**
 * Quota as operators give it: the {@code QuotaConfig}s of {@code UPDATE_QUOTA} and the legacy {@code QuotaInfo}
 * guarantees of {@code SET_QUOTA} and {@code POST /quota}, validated with Mesos's texts, and the
 * {@code QuotaStatus} that {@code GET_QUOTA} and {@code GET /quota} answer. Stateless.
 */
public final class QuotaConfigs {

    /** Mesos's largest quota: 1 exabyte of {@code mem} and {@code disk} (in MB), a trillion of anything else. */
    private static final double MAX_MEGABYTES = 1024.0 * 1024 * 1024 * 1024;
    private static final double MAX_OTHER = 1e12;

    private QuotaConfigs() {}

    /**
     * Why a {@code QuotaConfig} cannot be applied on its own, as Mesos words it after {@code Invalid QuotaConfig: }
     * (the caller adds that), or empty.
     *
     * @param whitelisted whether a role is on the master's {@code --roles} whitelist
     * @param nonScalar the resource names known not to be scalar ({@code ports}, and the ranges and sets agents have)
     */
    public static Optional<String> problem(QuotaConfig config, Predicate<String> whitelisted, Set<String> nonScalar) {
        // In Mesos's order: the whitelist and nesting first, then the config itself.
        String role = config.getRole();
        if (!whitelisted.test(role)) {
            return Optional.of("'" + role + "' is not on the roles whitelist");
        }
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
                .or(() -> contains(amounts(config.getLimitsMap()), amounts(config.getGuaranteesMap())) ? Optional.empty()
                        : Optional.of("'QuotaConfig.guarantees' " + text(config.getGuaranteesMap())
                                + " is not contained within the 'QuotaConfig.limits' " + text(config.getLimitsMap())));
    }

    /**
     * Why a legacy quota request's {@code QuotaInfo} (a role and its guarantees) is invalid, as Mesos words it
     * after {@code Failed to validate set quota request: }, or empty.
     */
    public static Optional<String> legacyProblem(String role, boolean hasRole, List<Resource> guarantee) {
        if (!hasRole) {
            return Optional.of("QuotaInfo must specify a role");
        }
        Optional<String> roleProblem = Roles.problem(role);
        if (roleProblem.isPresent()) {
            return Optional.of("QuotaInfo with invalid role: " + roleProblem.get());
        }
        if (role.equals(Roles.DEFAULT_ROLE)) {
            return Optional.of("QuotaInfo must not specify the default '*' role");
        }
        if (guarantee.isEmpty()) {
            return Optional.of("QuotaInfo with empty 'guarantee'");
        }
        Set<String> names = new HashSet<>();
        for (Resource resource : guarantee) {
            Optional<String> problem = legacyResourceProblem(resource);
            if (problem.isPresent()) {
                return problem;
            }
            if (!names.add(resource.getName())) {
                return Optional.of("QuotaInfo contains duplicate resource name '" + resource.getName() + "'");
            }
        }
        return Optional.empty();
    }

    /** {@code UPDATE_QUOTA}'s config as the allocator takes it. */
    public static Quota quota(QuotaConfig config) {
        return new Quota(amounts(config.getGuaranteesMap()), amounts(config.getLimitsMap()));
    }

    /** {@code quota} of {@code role} as a {@code QuotaConfig}, the inverse of {@link #quota(QuotaConfig)}. */
    public static QuotaConfig config(String role, Quota quota) {
        QuotaConfig.Builder config = QuotaConfig.newBuilder().setRole(role);
        quota.guarantees().forEach((name, amount) -> config.putGuarantees(name, Value.Scalar.newBuilder()
                .setValue(amount).build()));
        quota.limits().forEach((name, amount) -> config.putLimits(name, Value.Scalar.newBuilder().setValue(amount)
                .build()));
        return config.build();
    }

    /** A legacy guarantee as Mesos reads it: the guarantees are also the limits. */
    public static Quota legacyQuota(List<Resource> guarantee) {
        Map<String, Double> amounts = new LinkedHashMap<>();
        guarantee.forEach(resource -> amounts.merge(resource.getName(), resource.getScalar().getValue(), Double::sum));
        return new Quota(amounts, amounts);
    }

    /** {@code GET_QUOTA}'s status: each role's config, and its guarantees as the deprecated {@code QuotaInfo}. */
    public static QuotaStatus status(Map<String, Quota> quotas) {
        QuotaStatus.Builder status = QuotaStatus.newBuilder();
        quotas.forEach((role, quota) -> {
            QuotaInfo.Builder info = QuotaInfo.newBuilder().setRole(role);
            quota.guarantees().forEach((name, amount) -> info.addGuarantee(Resource.newBuilder().setName(name)
                    .setType(Value.Type.SCALAR).setScalar(scalar(amount))));
            status.addInfos(info);
            QuotaConfig.Builder config = QuotaConfig.newBuilder().setRole(role);
            quota.guarantees().forEach((name, amount) -> config.putGuarantees(name, scalar(amount)));
            quota.limits().forEach((name, amount) -> config.putLimits(name, scalar(amount)));
            status.addConfigs(config);
        });
        return status.build();
    }

    /** Whether {@code quantities} are within {@code limits}: names without a limit are unlimited. */
    public static boolean contains(Map<String, Double> limits, Map<String, Double> quantities) {
        return limits.entrySet().stream()
                .allMatch(limit -> quantities.getOrDefault(limit.getKey(), 0.0) <= limit.getValue());
    }

    /** Quantities as Mesos prints them, {@code cpus:1; mem:512}, or {@code {}} for none. */
    public static String quantities(Map<String, Double> amounts) {
        return amounts.isEmpty() ? "{}" : new TreeMap<>(amounts).entrySet().stream()
                .map(entry -> entry.getKey() + ":" + number(entry.getValue())).collect(Collectors.joining("; "));
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

    private static Optional<String> legacyResourceProblem(Resource resource) {
        if (resource.getReservationsCount() > 0) {
            return Optional.of("QuotaInfo must not contain any ReservationInfo");
        }
        if (resource.hasDisk()) {
            return Optional.of("QuotaInfo must not contain DiskInfo");
        }
        if (resource.hasRevocable()) {
            return Optional.of("QuotaInfo must not contain RevocableInfo");
        }
        if (resource.getType() != Value.Type.SCALAR) {
            return Optional.of("QuotaInfo must not include non-scalar resources");
        }
        return Optional.empty();
    }

    private static Map<String, Double> amounts(Map<String, Value.Scalar> scalars) {
        Map<String, Double> amounts = new TreeMap<>();
        scalars.forEach((name, scalar) -> amounts.put(name, scalar.getValue()));
        return amounts;
    }

    /** A protobuf map of quantities as Mesos prints it in errors, {@code { cpus: 1, mem: 512 }}. */
    private static String text(Map<String, Value.Scalar> scalars) {
        return amounts(scalars).entrySet().stream().map(entry -> entry.getKey() + ": " + number(entry.getValue()))
                .collect(Collectors.joining(", ", "{ ", " }"));
    }

    private static Value.Scalar scalar(double amount) {
        return Value.Scalar.newBuilder().setValue(amount).build();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}
