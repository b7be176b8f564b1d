package org.meseta.master.internal.http;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Role;
import org.apache.mesos.v1.master.Protos.Response;
import org.meseta.daemon.JsonBody;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.ClusterView.FrameworkView;
import org.meseta.master.internal.operator.OperatorModel;
import org.meseta.master.internal.operator.RoleSummaries;
import org.meseta.master.internal.operator.RoleSummaries.RoleSummary;

/**
 * The master's operator API answers as functions of one {@link ClusterView}, in the shapes of Mesos's
 * {@code master.Response}. Stateless; runs on any thread.
 */
final class OperatorResponses {

    private OperatorResponses() {}

    static Response.GetMaster master(ClusterView view) {
        Response.GetMaster.Builder master = Response.GetMaster.newBuilder().setMasterInfo(view.master())
                .setStartTime(JsonBody.seconds(view.startTime()));
        view.electedTime().ifPresent(elected -> master.setElectedTime(JsonBody.seconds(elected)));
        return master.build();
    }

    static Response.GetAgents agents(ClusterView view) {
        Response.GetAgents.Builder agents = Response.GetAgents.newBuilder();
        view.agents().forEach(agent -> agents.addAgents(OperatorModel.agent(agent)));
        agents.addAllRecoveredAgents(view.recoveredAgents());
        return agents.build();
    }

    /** Registered frameworks, connected or not, then the completed ones (whose tasks are all completed). */
    static Response.GetFrameworks frameworks(ClusterView view) {
        Map<String, String> hostnames = new TreeMap<>();
        view.agents().forEach(agent -> hostnames.put(agent.info().getId().getValue(), agent.info().getHostname()));
        Response.GetFrameworks.Builder frameworks = Response.GetFrameworks.newBuilder();
        view.frameworks().forEach(framework -> frameworks.addFrameworks(OperatorModel.framework(framework, hostnames)));
        view.completedFrameworks()
                .forEach(framework -> frameworks.addCompletedFrameworks(OperatorModel.framework(framework, hostnames)));
        return frameworks.build();
    }

    /** {@code GET_STATE}, also the snapshot an operator {@code SUBSCRIBE} starts from. */
    static Response.GetState state(ClusterView view) {
        return Response.GetState.newBuilder()
                .setGetTasks(tasks(view))
                .setGetExecutors(executors(view))
                .setGetFrameworks(frameworks(view))
                .setGetAgents(agents(view))
                .build();
    }

    /** The tasks of registered and completed frameworks; Meseta has no pending or orphan tasks. */
    static Response.GetTasks tasks(ClusterView view) {
        Response.GetTasks.Builder tasks = Response.GetTasks.newBuilder();
        allFrameworks(view).forEach(framework -> tasks.addAllTasks(framework.tasks())
                .addAllUnreachableTasks(framework.unreachableTasks())
                .addAllCompletedTasks(framework.completedTasks()));
        return tasks.build();
    }

    /** The custom executors of registered and completed frameworks, each with its agent; no orphans. */
    static Response.GetExecutors executors(ClusterView view) {
        Response.GetExecutors.Builder executors = Response.GetExecutors.newBuilder();
        allFrameworks(view).forEach(framework -> {
            for (Map.Entry<String, List<ExecutorInfo>> onAgent : framework.executors().entrySet()) {
                for (ExecutorInfo executor : onAgent.getValue()) {
                    executors.addExecutors(Response.GetExecutors.Executor.newBuilder().setExecutorInfo(executor)
                            .setAgentId(AgentID.newBuilder().setValue(onAgent.getKey())));
                }
            }
        });
        return executors.build();
    }

    /**
     * The roles Mesos knows without a role whitelist: those registered frameworks are subscribed to (so {@code *},
     * the default role, as soon as such a framework registers), those holding allocated resources and those whose
     * weight or quota was set (v1 {@code Role} has no field for the quota itself: {@code /roles} shows it), sorted
     * by name, each with its weight, its frameworks and what its tasks and executors use.
     */
    static Response.GetRoles roles(ClusterView view) {
        Response.GetRoles.Builder roles = Response.GetRoles.newBuilder();
        for (RoleSummary role : RoleSummaries.of(view)) {
            roles.addRoles(Role.newBuilder().setName(role.name()).setWeight(role.weight())
                    .addAllFrameworks(role.frameworks().stream()
                            .map(id -> FrameworkID.newBuilder().setValue(id).build()).toList())
                    .addAllResources(role.allocated().toList()));
        }
        return roles.build();
    }

    private static Stream<FrameworkView> allFrameworks(ClusterView view) {
        return Stream.concat(view.frameworks().stream(), view.completedFrameworks().stream());
    }
}
