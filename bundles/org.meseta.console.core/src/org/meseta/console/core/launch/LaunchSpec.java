package org.meseta.console.core.launch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;

/**
 * A {@link TaskDefinition} that passed its checks, in the form a launch sends it, as
 * {@link TaskDefinition#check()} makes it. Immutable.
 *
 * @param definition the definition as typed, which the console keeps with each task it launches (to move it)
 * @param name the task's name
 * @param command the shell command
 * @param resources exactly the resources each task gets, valid, without allocation
 * @param role the role they are allocated to
 * @param environment the environment variables, in the order given
 */
public record LaunchSpec(TaskDefinition definition, String name, String command, List<Resource> resources,
        String role, Map<String, String> environment) {

    public LaunchSpec {
        resources = List.copyOf(resources);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /**
     * The task to launch as {@code taskId} on {@code agentId}: a command task ({@code sh -c command}) with exactly
     * {@link #resources()}, each allocated to {@link #role()}, as the master offers them to a multi-role framework.
     */
    public TaskInfo taskInfo(String taskId, String agentId) {
        Environment.Builder variables = Environment.newBuilder();
        environment.forEach((variable, value) -> variables.addVariables(Environment.Variable.newBuilder()
                .setName(variable).setType(Environment.Variable.Type.VALUE).setValue(value)));
        TaskInfo.Builder task = TaskInfo.newBuilder().setName(name).setTaskId(TaskID.newBuilder().setValue(taskId))
                .setAgentId(AgentID.newBuilder().setValue(agentId))
                .setCommand(CommandInfo.newBuilder().setShell(true).setValue(command).setEnvironment(variables));
        resources.forEach(resource -> task.addResources(resource.toBuilder()
                .setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole(role))));
        return task.build();
    }
}
