package org.meseta.api.resources;

import java.util.Optional;

/**
 * The rule a role's weight ({@code WeightInfo} of {@code UPDATE_WEIGHTS}, {@code /weights}, {@code --weights})
 * follows: a valid role name and a positive, finite number. What the master checks and what a client such as the
 * console checks before it sends one. Stateless.
 */
public final class WeightRules {

    private WeightRules() {
    }

    /** Why {@code role} cannot have {@code weight}, or empty. */
    public static Optional<String> problem(String role, double weight) {
        Optional<String> roleProblem = Roles.problem(role);
        if (roleProblem.isPresent()) {
            return Optional.of("Invalid role '" + role + "': " + roleProblem.get());
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            return Optional.of("Invalid weight " + weight + " for role '" + role
                    + "': weights must be positive numbers");
        }
        return Optional.empty();
    }
}
