package org.meseta.master.internal.validation;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.meseta.api.resources.Roles;

/** Mesos's rules for a {@code FrameworkInfo} that subscribes or updates itself. Stateless. */
public final class FrameworkValidation {

    private FrameworkValidation() {}

    /** Why the info cannot subscribe, or empty. */
    @SuppressWarnings("deprecation") // 'role' is how frameworks without MULTI_ROLE name their role
    public static Optional<String> problem(FrameworkInfo info) {
        boolean multiRole = info.getCapabilitiesList().stream()
                .anyMatch(capability -> capability.getType() == FrameworkInfo.Capability.Type.MULTI_ROLE);
        if (multiRole && info.hasRole()) {
            return Optional.of("'FrameworkInfo.role' must not be set when the framework is MULTI_ROLE capable");
        }
        if (!multiRole && info.getRolesCount() > 0) {
            return Optional.of("'FrameworkInfo.roles' must not be set when the framework is not MULTI_ROLE capable");
        }
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicates = new TreeSet<>();
        for (String role : info.getRolesList()) {
            if (!seen.add(role)) {
                duplicates.add(role);
            }
            Optional<String> problem = Roles.problem(role);
            if (problem.isPresent()) {
                return Optional.of("'FrameworkInfo.roles' contains invalid role: " + problem.get());
            }
        }
        if (!duplicates.isEmpty()) {
            return Optional.of("'FrameworkInfo.roles' contains duplicate items: " + braces(duplicates));
        }
        if (info.hasRole()) {
            Optional<String> problem = Roles.problem(info.getRole());
            if (problem.isPresent()) {
                return Optional.of("'FrameworkInfo.role' is not a valid role: " + problem.get());
            }
        }
        if (info.hasId() && !info.getId().getValue().isEmpty()) {
            Optional<String> problem = Ids.problem(info.getId().getValue());
            if (problem.isPresent()) {
                return Optional.of("'FrameworkInfo.id' is invalid: " + problem.get());
            }
        }
        double failover = info.getFailoverTimeout();
        if (!(failover >= 0) || Double.isInfinite(failover)) {
            return Optional.of("The framework failover_timeout (" + failover + ") is invalid");
        }
        return Optional.empty();
    }

    /**
     * Why some of the framework's {@code roles} may not be used under the master's {@code --roles} whitelist, or
     * empty; {@code whitelisted} says whether a role is on it.
     */
    public static Optional<String> whitelistProblem(Set<String> roles, Predicate<String> whitelisted) {
        Set<String> refused = new TreeSet<>();
        roles.stream().filter(whitelisted.negate()).forEach(refused::add);
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Roles " + braces(refused) + " are not present in the master's --roles");
    }

    /** Why {@code suppressed} is not a subset of {@code roles}, or empty. */
    public static Optional<String> suppressedRolesProblem(Set<String> suppressed, Set<String> roles) {
        if (roles.containsAll(suppressed)) {
            return Optional.empty();
        }
        return Optional.of("Suppressed roles " + braces(new TreeSet<>(suppressed))
                + " are not contained in the set of roles");
    }

    /** Why a subscribed framework may not change from {@code old} to {@code updated}, or empty. */
    public static Optional<String> updateProblem(FrameworkInfo old, FrameworkInfo updated) {
        if (!old.getPrincipal().equals(updated.getPrincipal())) {
            return Optional.of("Changing framework's principal is not allowed.");
        }
        if (!old.getUser().equals(updated.getUser())) {
            return Optional.of("Updating 'FrameworkInfo.user' is unsupported; attempted to update from '"
                    + old.getUser() + "' to '" + updated.getUser() + "'");
        }
        if (old.getCheckpoint() != updated.getCheckpoint()) {
            return Optional.of("Updating 'FrameworkInfo.checkpoint' is unsupported; attempted to update from '"
                    + old.getCheckpoint() + "' to '" + updated.getCheckpoint() + "'");
        }
        return Optional.empty();
    }

    /** Mesos's rendering of a set in messages, e.g. {@code { a, b }}. */
    static String braces(Set<String> items) {
        return "{ " + String.join(", ", items) + " }";
    }
}
