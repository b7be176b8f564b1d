package org.meseta.api.resources;

import java.util.Optional;

/**
 * Mesos role names. {@code *} is the default role (unreserved resources). Other roles are paths of components
 * separated by {@code /} (hierarchical roles, e.g. {@code eng/frontend}); no component may be empty, {@code .},
 * {@code ..} or {@code *}, start with {@code -}, or contain whitespace or DEL.
 *
 * <p>Stateless and thread-safe.
 */
public final class Roles {
    /** The default role: resources of this role are unreserved. */
    public static final String DEFAULT_ROLE = "*";

    private static final String FORBIDDEN_CHARACTERS = "\t\n\u000b\f\r \u007f";

    private Roles() {
    }

    /**
     * @param role a candidate role name
     * @return why the name is not a valid role, or empty if it is valid
     */
    public static Optional<String> problem(String role) {
        if (role.equals(DEFAULT_ROLE)) {
            return Optional.empty();
        }
        if (role.isEmpty()) {
            return Optional.of("role names cannot be empty");
        }
        if (role.startsWith("/")) {
            return Optional.of("role '" + role + "' cannot start with a slash");
        }
        if (role.endsWith("/")) {
            return Optional.of("role '" + role + "' cannot end with a slash");
        }
        if (role.contains("//")) {
            return Optional.of("role '" + role + "' cannot contain two adjacent slashes");
        }
        for (String component : role.split("/")) {
            Optional<String> problem = componentProblem(role, component);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> componentProblem(String role, String component) {
        if (component.equals(".") || component.equals("..") || component.equals("*")) {
            return Optional.of("role '" + role + "' cannot include '" + component + "' as a component");
        }
        if (component.startsWith("-")) {
            return Optional.of("role '" + role + "' is invalid: component '" + component + "' starts with a dash");
        }
        if (component.chars().anyMatch(c -> FORBIDDEN_CHARACTERS.indexOf(c) >= 0)) {
            return Optional.of("role '" + role + "' is invalid: component '" + component
                    + "' contains whitespace or a DEL character");
        }
        return Optional.empty();
    }

    /**
     * @param role a valid role
     * @param ancestor a valid role
     * @return true if {@code role} lies strictly below {@code ancestor}, e.g. {@code a/b} below {@code a}
     */
    public static boolean isStrictSubroleOf(String role, String ancestor) {
        return role.length() > ancestor.length() && role.startsWith(ancestor)
                && role.charAt(ancestor.length()) == '/';
    }
}
