package org.meseta.master.internal.core;

import java.util.Map;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response;
import org.meseta.master.internal.agents.Agent;
import org.meseta.master.internal.frameworks.Framework;
import org.meseta.master.internal.operator.OperatorModel;
import org.meseta.master.internal.operator.OperatorSubscribers;

/**
 * The operator events of the master's state changes, published to {@link OperatorSubscribers} by the lifecycles at
 * the points where they change it, so subscribers see the changes in the master's order. As Mesos:
 * <ul>
 * <li>{@code TASK_ADDED} when a framework launches a task (not for tasks an agent reports when it subscribes);
 * <li>{@code TASK_UPDATED} when a task's state changes, whoever changed it (its agent, a lost agent, a removed
 * framework, the master ending it), or when an update changes its health;
 * <li>{@code AGENT_ADDED} when an agent is admitted, new or returning after the master forgot it or marked it
 * unreachable, but not when an admitted agent reconnects; {@code AGENT_REMOVED} when it becomes unreachable, after
 * its tasks' updates;
 * <li>{@code FRAMEWORK_ADDED} when a framework subscribes for the first time or is recovered from an agent;
 * {@code FRAMEWORK_UPDATED} when it subscribes again, updates its info or disconnects; {@code FRAMEWORK_REMOVED}
 * after its tasks are killed.
 * </ul>
 * Payloads are built only when someone listens. Runs on the master's actor thread.
 */
final class OperatorEvents {

    private final Cluster cluster;
    private final OperatorSubscribers subscribers;

    OperatorEvents(Cluster cluster, OperatorSubscribers subscribers) {
        this.cluster = cluster;
        this.subscribers = subscribers;
    }

    void taskAdded(Task task) {
        if (subscribers.any()) {
            subscribers.publish(Event.newBuilder().setType(Event.Type.TASK_ADDED)
                    .setTaskAdded(Event.TaskAdded.newBuilder().setTask(task)).build());
        }
    }

    /** {@code before} became {@code after} through {@code status}; published if its state or health changed. */
    void taskUpdated(Task before, Task after, TaskStatus status) {
        if (subscribers.any() && (before.getState() != after.getState() || healthChanged(before, status))) {
            subscribers.publish(Event.newBuilder().setType(Event.Type.TASK_UPDATED)
                    .setTaskUpdated(Event.TaskUpdated.newBuilder().setFrameworkId(after.getFrameworkId())
                            .setStatus(status).setState(after.getState()))
                    .build());
        }
    }

    private static boolean healthChanged(Task before, TaskStatus status) {
        if (!status.hasHealthy()) {
            return false;
        }
        int last = before.getStatusesCount() - 1;
        return last < 0 || !before.getStatuses(last).hasHealthy()
                || before.getStatuses(last).getHealthy() != status.getHealthy();
    }

    void agentAdded(Agent agent) {
        if (subscribers.any()) {
            subscribers.publish(Event.newBuilder().setType(Event.Type.AGENT_ADDED)
                    .setAgentAdded(Event.AgentAdded.newBuilder()
                            .setAgent(OperatorModel.agent(Snapshots.agent(cluster, agent))))
                    .build());
        }
    }

    void agentRemoved(AgentID agent) {
        if (subscribers.any()) {
            subscribers.publish(Event.newBuilder().setType(Event.Type.AGENT_REMOVED)
                    .setAgentRemoved(Event.AgentRemoved.newBuilder().setAgentId(agent)).build());
        }
    }

    void frameworkAdded(Framework framework) {
        if (subscribers.any()) {
            subscribers.publish(Event.newBuilder().setType(Event.Type.FRAMEWORK_ADDED)
                    .setFrameworkAdded(Event.FrameworkAdded.newBuilder().setFramework(model(framework))).build());
        }
    }

    void frameworkUpdated(Framework framework) {
        if (subscribers.any()) {
            subscribers.publish(Event.newBuilder().setType(Event.Type.FRAMEWORK_UPDATED)
                    .setFrameworkUpdated(Event.FrameworkUpdated.newBuilder().setFramework(model(framework)))
                    .build());
        }
    }

    void frameworkRemoved(Framework framework) {
        if (subscribers.any()) {
            subscribers.publish(Event.newBuilder().setType(Event.Type.FRAMEWORK_REMOVED)
                    .setFrameworkRemoved(Event.FrameworkRemoved.newBuilder().setFrameworkInfo(framework.info()))
                    .build());
        }
    }

    private Response.GetFrameworks.Framework model(Framework framework) {
        Map<String, String> hostnames = new TreeMap<>();
        cluster.agents.all().forEach(agent -> hostnames.put(agent.id().getValue(), agent.info().getHostname()));
        return OperatorModel.framework(Snapshots.framework(cluster, framework), hostnames);
    }
}
