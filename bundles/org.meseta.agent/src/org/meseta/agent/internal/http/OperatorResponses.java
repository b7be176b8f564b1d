package org.meseta.agent.internal.http;

import java.util.List;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.ContainerStatus;
import org.apache.mesos.v1.agent.Protos.Response;
import org.meseta.agent.internal.Agent;
import org.meseta.agent.internal.tasks.ContainerSnapshot;
import org.meseta.agent.internal.tasks.WorkloadSnapshot;
import org.meseta.agent.internal.tasks.WorkloadSnapshot.ExecutorSnapshot;
import org.meseta.agent.internal.tasks.WorkloadSnapshot.FrameworkSnapshot;

/**
 * The agent's operator API answers as functions of one {@link WorkloadSnapshot}, in the shapes of Mesos's
 * {@code agent.Response}. The agent keeps no tasks pending before their executor run exists, and does not tell
 * terminal tasks whose updates are still unacknowledged apart from acknowledged ones: every ended task is listed
 * under {@code completed_tasks}. Stateless; runs on any thread.
 */
final class OperatorResponses {

    private OperatorResponses() {}

    static Response.GetFrameworks frameworks(WorkloadSnapshot workload) {
        Response.GetFrameworks.Builder frameworks = Response.GetFrameworks.newBuilder();
        for (FrameworkSnapshot framework : workload.frameworks()) {
            frameworks.addFrameworks(Response.GetFrameworks.Framework.newBuilder().setFrameworkInfo(framework.info()));
        }
        for (FrameworkSnapshot framework : workload.completedFrameworks()) {
            frameworks.addCompletedFrameworks(
                    Response.GetFrameworks.Framework.newBuilder().setFrameworkInfo(framework.info()));
        }
        return frameworks.build();
    }

    /** Running executors of live frameworks; the ended ones, and every executor of a completed framework. */
    static Response.GetExecutors executors(WorkloadSnapshot workload) {
        Response.GetExecutors.Builder executors = Response.GetExecutors.newBuilder();
        for (FrameworkSnapshot framework : workload.frameworks()) {
            framework.executors().forEach(executor -> executors.addExecutors(executor(executor)));
            framework.completedExecutors().forEach(executor -> executors.addCompletedExecutors(executor(executor)));
        }
        for (FrameworkSnapshot framework : workload.completedFrameworks()) {
            executorsOf(framework).forEach(executor -> executors.addCompletedExecutors(executor(executor)));
        }
        return executors.build();
    }

    private static Response.GetExecutors.Executor executor(ExecutorSnapshot executor) {
        return Response.GetExecutors.Executor.newBuilder().setExecutorInfo(executor.info()).build();
    }

    /** Every task the agent still knows, by where it is in its life. */
    static Response.GetTasks tasks(WorkloadSnapshot workload) {
        Response.GetTasks.Builder tasks = Response.GetTasks.newBuilder();
        for (List<FrameworkSnapshot> frameworks : List.of(workload.frameworks(), workload.completedFrameworks())) {
            for (FrameworkSnapshot framework : frameworks) {
                for (ExecutorSnapshot executor : executorsOf(framework)) {
                    tasks.addAllQueuedTasks(executor.queuedTasks())
                            .addAllLaunchedTasks(executor.tasks())
                            .addAllCompletedTasks(executor.completedTasks());
                }
            }
        }
        return tasks.build();
    }

    /**
     * The running containers with their status and statistics. Their executors are top-level containers, so
     * {@code show_nested} and {@code show_standalone} change nothing.
     */
    static Response.GetContainers containers(List<Agent.ContainerUsage> usages) {
        Response.GetContainers.Builder containers = Response.GetContainers.newBuilder();
        for (Agent.ContainerUsage usage : usages) {
            ContainerSnapshot container = usage.container();
            ContainerID id = ContainerID.newBuilder().setValue(container.id().value()).build();
            containers.addContainers(Response.GetContainers.Container.newBuilder()
                    .setFrameworkId(container.frameworkId())
                    .setExecutorId(container.info().getExecutorId())
                    .setExecutorName(container.info().getName())
                    .setContainerId(id)
                    .setContainerStatus(ContainerStatus.newBuilder().setContainerId(id)
                            .setExecutorPid((int) container.pid()))
                    .setResourceStatistics(usage.statistics()));
        }
        return containers.build();
    }

    private static List<ExecutorSnapshot> executorsOf(FrameworkSnapshot framework) {
        return Stream.concat(framework.executors().stream(),
                framework.completedExecutors().stream()).toList();
    }
}
