package org.meseta.console.core.sandbox;

import java.net.URI;
import java.util.Optional;

import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.TaskView;

/**
 * Where a task's sandbox is served: the agent's HTTP address and the sandbox's path in the agent's {@code /files}
 * (Mesos's {@code /frameworks/<framework>/executors/<executor>/runs/latest}, the newest run of the task's
 * executor; the executor of a command task has the task's id). Immutable.
 *
 * @param agent {@code http://host:port} of the agent running the task
 * @param executorDirectory the executor's sandbox
 * @param taskDirectory for a task of an executor of its own ({@code executor_id} set, as task group tasks are),
 *        the task's sandbox inside its executor's ({@code tasks/<task id>}, which only the default executor makes)
 */
public record Sandbox(URI agent, String executorDirectory, Optional<String> taskDirectory) {

    /** The sandbox of {@code task} on {@code agent}; empty if the master never said where the agent listens. */
    public static Optional<Sandbox> of(TaskView task, AgentView agent) {
        return agentUri(agent).map(uri -> {
            boolean ownExecutor = task.task().hasExecutorId();
            String executor = ownExecutor ? task.task().getExecutorId().getValue() : task.key().taskId();
            String directory = "/frameworks/" + task.key().frameworkId() + "/executors/" + executor + "/runs/latest";
            return new Sandbox(uri, directory, ownExecutor ? Optional.of(directory + "/tasks/" + task.key().taskId())
                    : Optional.empty());
        });
    }

    /**
     * Where the agent serves HTTP: the address of its pid ({@code slave(1)@10.0.0.3:5051}), which is what it
     * listens on, else its host name and port.
     */
    public static Optional<URI> agentUri(AgentView agent) {
        if (agent.details().isEmpty()) {
            return Optional.empty();
        }
        GetAgents.Agent details = agent.details().get();
        String pid = details.getPid();
        int at = pid.indexOf('@');
        if (at >= 0 && at < pid.length() - 1) {
            return Optional.of(URI.create("http://" + pid.substring(at + 1)));
        }
        AgentInfo info = details.getAgentInfo();
        return info.getPort() > 0 ? Optional.of(URI.create("http://" + info.getHostname() + ":" + info.getPort()))
                : Optional.empty();
    }
}
