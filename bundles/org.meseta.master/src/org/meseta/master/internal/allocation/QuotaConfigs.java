package org.meseta.master.internal.allocation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.apache.mesos.v1.quota.Protos.QuotaInfo;
import org.apache.mesos.v1.quota.Protos.QuotaStatus;
import org.meseta.allocator.api.Quota;
import org.meseta.api.resources.QuotaRules;
import org.meseta.api.resources.Roles;

/**
 * Quota as operators give it: the {@code QuotaConfig}s of {@code UPDATE_QUOTA} and the legacy {@code QuotaInfo}
 * guarantees of {@code SET_QUOTA} and {@code POST /quota}, validated with Mesos's texts, and the
 * {@code QuotaStatus} that {@code GET_QUOTA} and {@code GET /quota} answer. Stateless.
 */
public final class QuotaConfigs {

    private QuotaConfigs() {}

    /**
     * Why a {@code QuotaConfig} cannot be applied on its own, as Mesos words it after {@code Invalid QuotaConfig: }
     * (the caller adds that), or empty.
     *
     * @param whitelisted whether a role is on the master's {@code --roles} whitelist
     * @param nonScalar the resource names known not to be scalar ({@code ports}, and the ranges and sets agents have)
     */
    public static Optional<String> problem(QuotaConfig config, Predicate<String> whitelisted, Set<String> nonScalar) {
        // In Mesos's order: the whitelist first, then the config itself.
        if (!whitelisted.test(config.getRole())) {
            return Optional.of("'" + config.getRole() + "' is not on the roles whitelist");
        }
        return QuotaRules.problem(config, nonScalar);
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
        return new Quota(QuotaRules.amounts(config.getGuaranteesMap()), QuotaRules.amounts(config.getLimitsMap()));
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

    /** Quantities as Mesos prints them, {@code cpus:1; mem:512}, or {@code {}} for none. */
    public static String quantities(Map<String, Double> amounts) {
        return amounts.isEmpty() ? "{}" : new TreeMap<>(amounts).entrySet().stream()
                .map(entry -> entry.getKey() + ":" + QuotaRules.number(entry.getValue()))
                .collect(Collectors.joining("; "));
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

    private static Value.Scalar scalar(double amount) {
        return Value.Scalar.newBuilder().setValue(amount).build();
    }
}
