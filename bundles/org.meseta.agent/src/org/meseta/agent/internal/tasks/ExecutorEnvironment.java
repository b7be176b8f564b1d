package org.meseta.agent.internal.tasks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.api.flags.StoutDuration;

/**
 * The environment variables an executor (or a command task) gets on top of the agent's own, with Mesos's names and
 * stout-style durations ({@code 5secs}); the command's own {@code environment} comes last and wins. Secret variables
 * are refused. Stateless.
 */
final class ExecutorEnvironment {

    private ExecutorEnvironment() {}

    /** What a custom executor gets, as Mesos gives an HTTP executor. */
    static Map<String, String> forExecutor(ExecutorSettings settings, AgentID agentId, FrameworkInfo framework,
            ExecutorInfo executor, Sandbox sandbox, Duration shutdownGracePeriod)
            throws LaunchException {
        Map<String, String> environment = common(settings, agentId, framework, executor.getExecutorId().getValue(),
                sandbox);
        environment.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", StoutDuration.format(shutdownGracePeriod));
        environment.put("MESOS_HTTP_COMMAND_EXECUTOR", "0");
        allocationRole(executor.getResourcesList(), environment);
        addVariables(executor.getCommand(), environment);
        return environment;
    }

    /** What a command task gets: the variables its executor would have, its task id, then its own. */
    static Map<String, String> forCommandTask(ExecutorSettings settings, AgentID agentId, FrameworkInfo framework,
            TaskInfo task, Sandbox sandbox) throws LaunchException {
        Map<String, String> environment = common(settings, agentId, framework, task.getTaskId().getValue(), sandbox);
        environment.put("MESOS_TASK_ID", task.getTaskId().getValue());
        allocationRole(task.getResourcesList(), environment);
        addVariables(task.getCommand(), environment);
        return environment;
    }

    /**
     * What a task of a task group gets: as a command task, with its own sandbox as {@code MESOS_SANDBOX} (and
     * {@code MESOS_DIRECTORY}), its executor's id, and {@code MESOS_CONTAINER_IP}, which Mesos's default executor adds
     * (the agent's address: tasks share the host's network).
     */
    static Map<String, String> forGroupTask(ExecutorSettings settings, AgentID agentId, FrameworkInfo framework,
            ExecutorInfo executor, TaskInfo task, Sandbox sandbox) throws LaunchException {
        Map<String, String> environment = common(settings, agentId, framework, executor.getExecutorId().getValue(),
                sandbox);
        environment.put("MESOS_TASK_ID", task.getTaskId().getValue());
        String endpoint = settings.agentEndpoint();
        environment.put("MESOS_CONTAINER_IP", endpoint.substring(0, Math.max(0, endpoint.lastIndexOf(':'))));
        allocationRole(task.getResourcesList(), environment);
        addVariables(task.getCommand(), environment);
        return environment;
    }

    private static Map<String, String> common(ExecutorSettings settings, AgentID agentId, FrameworkInfo framework,
            String executorId, Sandbox sandbox) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MESOS_FRAMEWORK_ID", framework.getId().getValue());
        environment.put("MESOS_EXECUTOR_ID", executorId);
        environment.put("MESOS_DIRECTORY", sandbox.directory().toString());
        environment.put("MESOS_SANDBOX", sandbox.directory().toString());
        environment.put("MESOS_AGENT_ENDPOINT", settings.agentEndpoint());
        environment.put("MESOS_SLAVE_ID", agentId.getValue());
        environment.put("MESOS_SLAVE_PID", settings.agentPid());
        environment.put("MESOS_CHECKPOINT", framework.getCheckpoint() ? "1" : "0");
        if (framework.getCheckpoint()) {
            environment.put("MESOS_RECOVERY_TIMEOUT", StoutDuration.format(settings.recoveryTimeout()));
            environment.put("MESOS_SUBSCRIPTION_BACKOFF_MAX", StoutDuration.format(settings.reregistrationTimeout()));
        }
        return environment;
    }

    private static void allocationRole(List<Resource> resources, Map<String, String> environment) {
        resources.stream().filter(Resource::hasAllocationInfo).findFirst()
                .ifPresent(resource -> environment.put("MESOS_ALLOCATION_ROLE",
                        resource.getAllocationInfo().getRole()));
    }

    /** Plain variables; secret ones would need a secret resolver, which this agent does not have. */
    private static void addVariables(CommandInfo command, Map<String, String> environment) throws LaunchException {
        for (Environment.Variable variable : command.getEnvironment().getVariablesList()) {
            if (variable.getType() == Environment.Variable.Type.SECRET) {
                throw new LaunchException("Environment variable '" + variable.getName()
                        + "' is a secret, which this agent cannot resolve");
            }
            environment.put(variable.getName(), variable.getValue());
        }
    }
}
