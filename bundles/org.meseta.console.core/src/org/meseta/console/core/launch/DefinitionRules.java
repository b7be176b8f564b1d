package org.meseta.console.core.launch;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Roles;
import org.meseta.console.core.model.ResourceRoles;

/**
 * The rules a {@link TaskDefinition} must follow to be launched. The role follows the master's own rules
 * ({@link Roles}), the resources those of an agent's {@code --resources} ({@link Resources#parseList}); the name
 * must make a task id that every agent can use as a directory name. Stateless.
 */
final class DefinitionRules {

    /** The longest name: with the suffix that makes each task's id unique, ids stay well below Mesos's 255. */
    static final int MAX_NAME_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private DefinitionRules() {
    }

    static CheckedDefinition check(TaskDefinition definition) {
        Map<DefinitionField, String> problems = new EnumMap<>(DefinitionField.class);
        String name = definition.name().strip();
        nameProblem(name).ifPresent(problem -> problems.put(DefinitionField.NAME, problem));
        String command = definition.command().strip();
        if (command.isEmpty()) {
            problems.put(DefinitionField.COMMAND, "Enter a shell command, e.g. sleep 3600");
        }
        String role = definition.role().isBlank() ? Roles.DEFAULT_ROLE : definition.role().strip();
        Roles.problem(role).ifPresent(problem -> problems.put(DefinitionField.ROLE, sentence(problem)));
        List<Resource> resources = resources(definition.resources(), role, problems);
        Map<String, String> environment = environment(definition.environment(), problems);
        if (!problems.isEmpty()) {
            return new CheckedDefinition(Optional.empty(), problems);
        }
        return new CheckedDefinition(Optional.of(new LaunchSpec(definition, name, command, resources, role,
                environment)), problems);
    }

    private static Optional<String> nameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("Enter a name, e.g. web");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("A name has at most " + MAX_NAME_LENGTH + " characters");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("'" + name + "' may only hold letters, digits, '.', '_' and '-', and must start with"
                    + " a letter or digit: it starts the id of each task");
        }
        return Optional.empty();
    }

    /** The resources typed, if they are valid and usable by {@code role}; else a problem is noted. */
    private static List<Resource> resources(String text, String role, Map<DefinitionField, String> problems) {
        if (text.isBlank()) {
            problems.put(DefinitionField.RESOURCES, "Enter the resources, e.g. cpus:0.1;mem:32");
            return List.of();
        }
        List<Resource> resources;
        try {
            resources = Resources.parseList(text, Roles.DEFAULT_ROLE);
        } catch (ResourceParseException e) {
            problems.put(DefinitionField.RESOURCES, e.getMessage());
            return List.of();
        }
        if (Resources.ofValidated(resources).isEmpty()) {
            problems.put(DefinitionField.RESOURCES, "A task needs some resources, e.g. cpus:0.1;mem:32");
            return List.of();
        }
        for (Resource resource : resources) {
            String reservedTo = ResourceRoles.reservationRole(resource);
            boolean usable = reservedTo.equals(Roles.DEFAULT_ROLE) || reservedTo.equals(role)
                    || Roles.isStrictSubroleOf(role, reservedTo);
            if (!usable && !problems.containsKey(DefinitionField.ROLE)) {
                problems.put(DefinitionField.RESOURCES, resource.getName() + "(" + reservedTo + ") is reserved to"
                        + " role " + reservedTo + ", which role " + role + " cannot use");
                return List.of();
            }
        }
        return resources;
    }

    /** The variables typed, one {@code NAME=value} a line (blank lines skipped); else a problem is noted. */
    private static Map<String, String> environment(String text, Map<DefinitionField, String> problems) {
        Map<String, String> variables = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            String variable = equals < 0 ? line : line.substring(0, equals).strip();
            String problem = equals < 0 ? "'" + line + "' is not NAME=value"
                    : !VARIABLE.matcher(variable).matches() ? "'" + variable + "' is not a variable name (letters,"
                            + " digits and '_', not starting with a digit)"
                    : variables.containsKey(variable) ? variable + " is set twice" : null;
            if (problem != null) {
                problems.put(DefinitionField.ENVIRONMENT, "Line " + (i + 1) + ": " + problem);
                return Map.of();
            }
            variables.put(variable, line.substring(equals + 1));
        }
        return variables;
    }

    /** {@code role 'a b' is invalid …} as a sentence: {@code Role 'a b' is invalid …}. */
    private static String sentence(String problem) {
        return problem.substring(0, 1).toUpperCase(Locale.ROOT) + problem.substring(1);
    }
}
