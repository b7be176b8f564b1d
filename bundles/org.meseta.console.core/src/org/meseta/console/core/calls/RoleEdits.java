package org.meseta.console.core.calls;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.meseta.api.resources.QuotaRules;
import org.meseta.api.resources.WeightRules;

/**
 * Checks a role's weight or quota as an operator typed it, by the master's own rules ({@link WeightRules},
 * {@link QuotaRules}), before it is sent: what the master would refuse without looking at the cluster is reported
 * per field, so a view shows each problem next to the field it is about. What depends on the cluster (the roles
 * whitelist, what a role consumes, the cluster's capacity) only the master can check. Stateless.
 */
public final class RoleEdits {

    /** The field of the role's name. */
    public static final String ROLE = "role";
    /** The field of the weight. */
    public static final String WEIGHT = "weight";
    /** The quota as a whole (its guarantees not within its limits, too large ...). */
    public static final String QUOTA = "quota";
    /** Quota of these resources only: of ranges and sets (ports) it could never be consumed. */
    private static final Set<String> NON_SCALAR = Set.of("ports");

    private RoleEdits() {
    }

    /**
     * An edit checked: the call to send, or the problems by field.
     *
     * @param call present exactly when there are no problems
     * @param problems field ({@link #ROLE}, {@link #WEIGHT}, {@link #QUOTA}, {@link #guarantee}, {@link #limit}) →
     *        what is wrong with it, in the order found
     */
    public record Checked(Optional<Call> call, Map<String, String> problems) {
        public Checked {
            problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }

        /** Whether the edit may be sent. */
        public boolean isValid() {
            return call.isPresent();
        }
    }

    /** The field of the guarantee of {@code resource} ({@code cpus}, {@code mem} ...). */
    public static String guarantee(String resource) {
        return "guarantee:" + resource;
    }

    /** The field of the limit of {@code resource}. */
    public static String limit(String resource) {
        return "limit:" + resource;
    }

    /** {@code UPDATE_WEIGHTS} for {@code role} with the weight typed as {@code weight}, if both are valid. */
    public static Checked weight(String role, String weight) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = role.strip();
        WeightRules.problem(name, 1).ifPresent(problem -> problems.put(ROLE, problem));
        Optional<Double> value = number(weight, WEIGHT, problems);
        if (value.isEmpty() && !problems.containsKey(WEIGHT)) {
            problems.put(WEIGHT, "Enter a weight, a positive number");
        }
        if (problems.isEmpty()) {
            WeightRules.problem(name, value.get()).ifPresent(problem -> problems.put(WEIGHT, problem));
        }
        return problems.isEmpty() ? new Checked(Optional.of(OperatorCalls.updateWeights(Map.of(name, value.get()))),
                problems) : new Checked(Optional.empty(), problems);
    }

    /**
     * {@code UPDATE_QUOTA} setting {@code role}'s guarantees and limits, typed per resource name (blank: none), if
     * valid. No guarantees and no limits at all removes the role's quota.
     */
    public static Checked quota(String role, Map<String, String> guarantees, Map<String, String> limits) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = role.strip();
        QuotaRules.problem(QuotaConfig.newBuilder().setRole(name).build(), NON_SCALAR)
                .ifPresent(problem -> problems.put(ROLE, problem));
        QuotaConfig.Builder config = QuotaConfig.newBuilder().setRole(name);
        guarantees.forEach((resource, text) -> number(text, guarantee(resource), problems).ifPresent(value -> {
            config.putGuarantees(resource, scalar(value));
            alone(name, QuotaConfig.newBuilder().putGuarantees(resource, scalar(value)), guarantee(resource),
                    problems);
        }));
        limits.forEach((resource, text) -> number(text, limit(resource), problems).ifPresent(value -> {
            config.putLimits(resource, scalar(value));
            alone(name, QuotaConfig.newBuilder().putLimits(resource, scalar(value)), limit(resource), problems);
        }));
        if (problems.isEmpty()) {
            QuotaRules.problem(config.build(), NON_SCALAR).ifPresent(problem -> problems.put(QUOTA, problem));
        }
        return problems.isEmpty() ? new Checked(Optional.of(OperatorCalls.updateQuota(List.of(config.build()))),
                problems) : new Checked(Optional.empty(), problems);
    }

    /** Notes for {@code field} what is wrong with its one value on its own (negative, too large ...). */
    private static void alone(String role, QuotaConfig.Builder value, String field, Map<String, String> problems) {
        if (!problems.containsKey(ROLE)) {
            QuotaRules.problem(value.setRole(role).build(), NON_SCALAR)
                    .ifPresent(problem -> problems.put(field, problem));
        }
    }

    /** The number typed in {@code text}, empty when blank or (with a problem noted for {@code field}) not one. */
    private static Optional<Double> number(String text, String field, Map<String, String> problems) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(typed));
        } catch (NumberFormatException e) {
            problems.put(field, "'" + typed + "' is not a number");
            return Optional.empty();
        }
    }

    private static Value.Scalar scalar(double value) {
        return Value.Scalar.newBuilder().setValue(value).build();
    }
}
