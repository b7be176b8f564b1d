package org.meseta.console.core.launch;

import java.util.List;
import java.util.Optional;

/**
 * A task as the administrator defined it in the console's launch palette, every field as typed: nothing is checked
 * until {@link #check()}, so the palette keeps a definition that is still being written. Immutable.
 *
 * @param name the task's name, which also starts the id of every task launched from it ({@code web} launches
 *        {@code web.3f9c0a1b})
 * @param command a shell command ({@code sh -c})
 * @param resources the resources each task gets, in Mesos's text form: {@code cpus:0.1;mem:32}, with
 *        {@code cpus(web):0.1} for resources reserved to role {@code web}
 * @param role the role the task's resources are allocated to; blank means {@code *}
 * @param environment the task's environment variables, one {@code NAME=value} per line
 */
public record TaskDefinition(String name, String command, String resources, String role, String environment) {

    /** A definition with nothing filled in but the role {@code *}: the start of a new one. */
    public static final TaskDefinition NEW = new TaskDefinition("", "", "", "*", "");

    /** {@code null} fields are taken as empty. */
    public TaskDefinition {
        name = orEmpty(name);
        command = orEmpty(command);
        resources = orEmpty(resources);
        role = orEmpty(role);
        environment = orEmpty(environment);
    }

    /**
     * Checks every field by the rules a launch needs (those of the master where it has them) and, when all hold,
     * gives what a launch sends. Stateless; the same definition always checks the same way.
     */
    public CheckedDefinition check() {
        return DefinitionRules.check(this);
    }

    /** The definition as one string (JSON), for a preference store. */
    public String encode() {
        return DefinitionsJson.write(List.of(this));
    }

    /** Reads what {@link #encode()} wrote; empty when the text holds no definition. */
    public static Optional<TaskDefinition> decode(String encoded) {
        return DefinitionsJson.read(encoded).stream().findFirst();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
