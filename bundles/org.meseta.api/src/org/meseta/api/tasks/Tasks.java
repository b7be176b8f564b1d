package org.meseta.api.tasks;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;

/** Mesos's {@code Task}, as the master and the agent show it, made from the {@code TaskInfo} a framework launched. */
public final class Tasks {

    private Tasks() {}

    /**
     * The task in {@code state}, with the name, ids and resources of {@code info} and what Mesos carries over from it:
     * the executor's id (none for a command task), labels, discovery, container, health check and kill policy. The
     * caller adds the user, statuses and update state it knows.
     */
    public static Task.Builder fromInfo(TaskInfo info, FrameworkID framework, AgentID agent, TaskState state) {
        Task.Builder task = Task.newBuilder()
                .setName(info.getName())
                .setTaskId(info.getTaskId())
                .setFrameworkId(framework)
                .setAgentId(agent)
                .setState(state)
                .addAllResources(info.getResourcesList());
        if (info.hasExecutor()) {
            task.setExecutorId(info.getExecutor().getExecutorId());
        }
        if (info.hasLabels()) {
            task.setLabels(info.getLabels());
        }
        if (info.hasDiscovery()) {
            task.setDiscovery(info.getDiscovery());
        }
        if (info.hasContainer()) {
            task.setContainer(info.getContainer());
        }
        if (info.hasHealthCheck()) {
            task.setHealthCheck(info.getHealthCheck());
        }
        if (info.hasKillPolicy()) {
            task.setKillPolicy(info.getKillPolicy());
        }
        return task;
    }
}
