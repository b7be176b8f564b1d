package org.meseta.console.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.junit.jupiter.api.Test;

/** A task definition checked field by field, and the task a launch sends for a valid one. */
class TaskDefinitionTest {

    private static final TaskDefinition WEB = new TaskDefinition(" web ", "python3 -m http.server",
            "cpus:0.1;mem:32", "", "PORT=8080\n\nGREETING=a=b");

    @Test
    void aValidDefinitionGivesExactlyItsResourcesAllocatedToItsRole() {
        LaunchSpec spec = WEB.check().spec().orElseThrow();
        assertEquals("web", spec.name());
        assertEquals("*", spec.role(), "a blank role is *");
        assertEquals(Map.of("PORT", "8080", "GREETING", "a=b"), spec.environment());

        TaskInfo task = spec.taskInfo("web.1", "S1");
        assertEquals("web.1", task.getTaskId().getValue());
        assertEquals("S1", task.getAgentId().getValue());
        assertTrue(task.getCommand().getShell());
        assertEquals("python3 -m http.server", task.getCommand().getValue());
        assertEquals(List.of("PORT", "GREETING"), task.getCommand().getEnvironment().getVariablesList().stream()
                .map(Environment.Variable::getName).toList());
        assertEquals(List.of("cpus", "mem"), task.getResourcesList().stream().map(Resource::getName).toList());
        assertEquals(List.of(0.1, 32.0), task.getResourcesList().stream()
                .map(resource -> resource.getScalar().getValue()).toList());
        assertTrue(task.getResourcesList().stream().allMatch(resource -> resource.getAllocationInfo().getRole()
                .equals("*") && resource.getReservationsCount() == 0));
    }

    @Test
    void resourcesReservedToTheRoleOrAnAncestorOfItMayBeUsed() {
        assertTrue(definition("cpus(eng):1;mem:32", "eng/web").check().isValid());
        LaunchSpec spec = definition("cpus(web):1;mem:32", "web").check().spec().orElseThrow();
        assertEquals("web", spec.taskInfo("t", "S1").getResources(0).getReservations(0).getRole());
    }

    @Test
    void everyFieldNamesItsProblem() {
        CheckedDefinition checked = new TaskDefinition("web 1", " ", "cpus:x", "a//b", "PORT").check();
        assertFalse(checked.isValid());
        assertEquals(Map.of(
                DefinitionField.NAME, "'web 1' may only hold letters, digits, '.', '_' and '-', and must start"
                        + " with a letter or digit: it starts the id of each task",
                DefinitionField.COMMAND, "Enter a shell command, e.g. sleep 3600",
                DefinitionField.RESOURCES, problemOf("cpus:x", "*"),
                DefinitionField.ROLE, "Role 'a//b' cannot contain two adjacent slashes",
                DefinitionField.ENVIRONMENT, "Line 1: 'PORT' is not NAME=value"), checked.problems());
        assertEquals(Optional.of(checked.problems().get(DefinitionField.NAME)), checked.firstProblem());
    }

    @Test
    void resourcesMustBeGivenUsableByTheRoleAndNotNothing() {
        assertEquals("Enter the resources, e.g. cpus:0.1;mem:32", problemOf("", "*"));
        assertEquals("A task needs some resources, e.g. cpus:0.1;mem:32", problemOf("cpus:0;mem:0", "*"));
        assertEquals("cpus(db) is reserved to role db, which role web cannot use", problemOf("cpus(db):1", "web"));
        assertTrue(problemOf("mem:-1", "*").contains("mem"), () -> problemOf("mem:-1", "*"));
    }

    @Test
    void namesAndVariablesFollowTheirRules() {
        assertEquals("Enter a name, e.g. web", problem(new TaskDefinition("", "true", "cpus:1", "*", ""),
                DefinitionField.NAME));
        assertEquals("A name has at most 64 characters", problem(new TaskDefinition("a".repeat(65), "true",
                "cpus:1", "*", ""), DefinitionField.NAME));
        assertEquals("Line 2: 'X-Y' is not a variable name (letters, digits and '_', not starting with a digit)",
                problem(new TaskDefinition("a", "true", "cpus:1", "*", "A=1\nX-Y=2"), DefinitionField.ENVIRONMENT));
        assertEquals("Line 2: A is set twice", problem(new TaskDefinition("a", "true", "cpus:1", "*", "A=1\nA=2"),
                DefinitionField.ENVIRONMENT));
    }

    @Test
    void aDefinitionIsKeptAsTypedInOneString() {
        TaskDefinition odd = new TaskDefinition("w\"eb", "echo 'ä'\n", "cpus:x", "", "A=1\nB=2");
        assertEquals(Optional.of(odd), TaskDefinition.decode(odd.encode()));
        assertEquals(Optional.empty(), TaskDefinition.decode("not json"));
    }

    private static TaskDefinition definition(String resources, String role) {
        return new TaskDefinition("web", "true", resources, role, "");
    }

    private static String problemOf(String resources, String role) {
        return problem(definition(resources, role), DefinitionField.RESOURCES);
    }

    private static String problem(TaskDefinition definition, DefinitionField field) {
        return definition.check().problems().get(field);
    }
}
