package org.meseta.console.ui.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.meseta.console.core.model.AgentResources;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.TaskKey;
import org.meseta.console.core.model.TaskView;

/**
 * The console's model values built by hand, for tests of views that need a cluster of a given shape rather than a
 * master: agents with resources, attributes, roles and tasks, and the states and changes that carry them.
 */
public final class Clusters {

    private Clusters() {
    }

    /**
     * An agent.
     *
     * @param total cpus, mem (MB), disk (MB), ports
     * @param used the same, allocated
     * @param attributes Mesos text form, {@code rack:r1;zone:a}, or {@code ""}
     * @param tasks how many running tasks it has (each of 0.1 cpus and 32 MB, role {@code *})
     */
    public static AgentView agent(String id, String hostname, AgentState state, double[] total, double[] used,
            String attributes, int tasks) {
        Map<String, String> attributeMap = new LinkedHashMap<>();
        for (String attribute : attributes.isEmpty() ? new String[0] : attributes.split(";")) {
            String[] nameValue = attribute.split(":", 2);
            attributeMap.put(nameValue[0], nameValue[1]);
        }
        List<TaskView> taskViews = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            taskViews.add(task("F-0000", id + "-task-" + i, id, TaskState.TASK_RUNNING));
        }
        Set<String> roles = new TreeSet<>();
        if (tasks > 0) {
            roles.add("*");
        }
        return new AgentView(id, hostname, state, attributeMap, attributes, roles,
                new AgentResources(amounts(total), amounts(used), Amounts.NONE, Amounts.NONE), taskViews,
                Optional.empty());
    }

    /** An active agent of 4 cpus, 8 GB of memory, 20 GB of disk and 1001 ports, nothing used, no tasks. */
    public static AgentView agent(String id, String hostname, String attributes) {
        return agent(id, hostname, AgentState.ACTIVE, new double[] {4, 8192, 20480, 1001}, new double[4],
                attributes, 0);
    }

    /** {@code agent} with its resources replaced. */
    public static AgentView withResources(AgentView agent, AgentResources resources) {
        return new AgentView(agent.id(), agent.hostname(), agent.state(), agent.attributes(), agent.attributesText(),
                agent.roles(), resources, agent.tasks(), agent.details());
    }

    /** {@code agent} with its state replaced. */
    public static AgentView withState(AgentView agent, AgentState state) {
        return new AgentView(agent.id(), agent.hostname(), state, agent.attributes(), agent.attributesText(),
                agent.roles(), agent.resources(), agent.tasks(), agent.details());
    }

    /** {@code agent} with these tasks. */
    public static AgentView withTasks(AgentView agent, List<TaskView> tasks) {
        return new AgentView(agent.id(), agent.hostname(), agent.state(), agent.attributes(), agent.attributesText(),
                agent.roles(), agent.resources(), tasks, agent.details());
    }

    /** {@code agent} with these roles. */
    public static AgentView withRoles(AgentView agent, String... roles) {
        return new AgentView(agent.id(), agent.hostname(), agent.state(), agent.attributes(), agent.attributesText(),
                Set.of(roles), agent.resources(), agent.tasks(), agent.details());
    }

    public static TaskView task(String framework, String id, String agent, TaskState state) {
        Task task = Task.newBuilder().setName(id).setTaskId(TaskID.newBuilder().setValue(id))
                .setFrameworkId(FrameworkID.newBuilder().setValue(framework))
                .setAgentId(AgentID.newBuilder().setValue(agent)).setState(state).build();
        return new TaskView(new TaskKey(framework, id), id, agent, state, "*", new Amounts(0.1, 32, 0, 0), task);
    }

    private static Amounts amounts(double[] values) {
        return new Amounts(values[0], values[1], values[2], values.length > 3 ? (long) values[3] : 0);
    }

    /** A state holding {@code agents} and nothing else. */
    public static ClusterState state(List<AgentView> agents) {
        Map<String, AgentView> byId = new LinkedHashMap<>();
        agents.forEach(agent -> byId.put(agent.id(), agent));
        return new ClusterState(byId, Map.of(), Map.of(), List.of(), List.of(), true);
    }

    /** A change of {@code state} naming the agents {@code changed}. */
    public static ClusterChange changed(ClusterState state, String... changed) {
        return new ClusterChange(state, false, Set.of(changed), Set.of(), Set.of(), List.of(), false);
    }
}
