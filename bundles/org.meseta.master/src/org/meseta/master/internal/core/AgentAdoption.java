package org.meseta.master.internal.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.resources.Resources;
import org.meseta.master.internal.agents.Agent;
import org.meseta.master.internal.agents.Agents;
import org.meseta.master.internal.frameworks.Framework;

/**
 * Squares what a subscribing agent says it runs with what the master knows, as Mesos's agent re-registration does.
 *
 * <p>An agent new to this master (a restart of the master, or an agent back from being unreachable) brings its tasks
 * and executors in: frameworks the master does not know are recovered from the agent's {@code FrameworkInfo}s
 * (disconnected until they subscribe), tasks of removed frameworks are not taken and those frameworks are shut down on
 * the agent, and frameworks are told of the tasks of an agent back from being unreachable or unknown to the registry
 * (the tasks of the agents the registry lists come back without a word after a failover). An agent the master knows
 * (its link broke and it reconnected) is compared with the master's view: tasks it no longer has are lost, executors it
 * no longer runs are forgotten. Runs on the master's actor thread.
 */
final class AgentAdoption {

    private static final System.Logger LOG = System.getLogger(AgentAdoption.class.getName());

    private final Cluster cluster;
    private final TaskLifecycle tasks;

    AgentAdoption(Cluster cluster, TaskLifecycle tasks) {
        this.cluster = cluster;
        this.tasks = tasks;
    }

    /**
     * Takes in the frameworks, executors and tasks of an agent that is new to this master; returns what the executors
     * and live tasks it took use, by framework (the master knows nothing else on the agent).
     */
    Map<FrameworkID, Resources> adopt(Agent agent, AgentSubscribe request, Agents.Admission.Kind kind) {
        for (FrameworkInfo info : request.frameworks()) {
            if (!cluster.frameworks.isRemoved(info.getId()) && cluster.frameworks.find(info.getId()).isEmpty()) {
                Framework recovered = cluster.frameworks.add(info, Set.of(), cluster.now());
                recovered.markRecovered();
                cluster.allocator.addFramework(recovered.id(), recovered.info(), Map.of(), false, Set.of());
                cluster.operatorEvents.frameworkAdded(recovered);
                LOG.log(System.Logger.Level.INFO, "Recovered framework {0} ({1}) from agent {2}",
                        info.getId().getValue(), info.getName(), agent.id().getValue());
            }
        }
        Map<FrameworkID, Resources> used = new HashMap<>();
        Set<String> shutDown = new HashSet<>();
        for (ExecutorInfo executor : request.executors()) {
            cluster.frameworks.find(executor.getFrameworkId()).ifPresent(framework -> {
                framework.addExecutor(agent.id(), executor);
                used.merge(framework.id(), Resources.ofValidated(executor.getResourcesList()), Resources::plus);
            });
        }
        for (Task reported : request.tasks()) {
            if (cluster.frameworks.isRemoved(reported.getFrameworkId())) {
                if (shutDown.add(reported.getFrameworkId().getValue())) {
                    agent.send(new AgentEvent.ShutdownFramework(reported.getFrameworkId()));
                }
                continue;
            }
            cluster.frameworks.find(reported.getFrameworkId()).ifPresentOrElse(framework -> {
                takeBack(framework, agent, reported, kind);
                if (TaskLifecycle.holdsResources(reported.getState())) {
                    used.merge(framework.id(), Resources.ofValidated(reported.getResourcesList()), Resources::plus);
                }
            }, () -> LOG.log(System.Logger.Level.WARNING, "Agent {0} runs task {1} of framework {2}, which it did"
                    + " not describe; the task is not tracked", agent.id().getValue(),
                    reported.getTaskId().getValue(), reported.getFrameworkId().getValue()));
        }
        used.values().removeIf(Resources::isEmpty);
        return used;
    }

    private void takeBack(Framework framework, Agent agent, Task reported, Agents.Admission.Kind kind) {
        framework.reclaimUnreachable(reported.getTaskId().getValue());
        Task task = reported.toBuilder().setAgentId(agent.id()).build();
        framework.putTask(task);
        Optional<String> told = switch (kind) {
            // After a failover, the tasks of the agents the registry lists come back without a word, as in Mesos.
            case NEW, RECOVERED, KNOWN -> Optional.empty();
            case UNREACHABLE_RETURNED -> Optional.of("Unreachable agent re-reregistered");
            case UNKNOWN_RETURNED -> Optional.of("Unknown agent reregistered");
        };
        if (told.isEmpty()) {
            return;
        }
        TaskStatus.Builder status = TaskStates.fromMaster(task.getTaskId(), agent.id(), task.getState(),
                TaskStatus.Reason.REASON_AGENT_REREGISTERED, told.get(), cluster.now());
        if (task.hasExecutorId()) {
            status.setExecutorId(task.getExecutorId());
        }
        framework.send(Events.update(status.build()));
    }

    /** Compares a known agent's report with the master's view of it. */
    void reconcile(Agent agent, AgentSubscribe request) {
        Set<String> reported = request.tasks().stream().map(task -> task.getTaskId().getValue())
                .collect(Collectors.toSet());
        for (Framework framework : cluster.frameworks.all()) {
            List<Task> missing = framework.tasks().stream()
                    .filter(task -> task.getAgentId().equals(agent.id()))
                    .filter(task -> !reported.contains(task.getTaskId().getValue()))
                    .filter(task -> !TaskStates.isTerminal(task.getState()))
                    .toList();
            for (Task task : missing) {
                TaskState state = framework.isPartitionAware() ? TaskState.TASK_DROPPED : TaskState.TASK_LOST;
                tasks.endByMaster(framework, task, TaskStates.fromMaster(task.getTaskId(), agent.id(), state,
                        TaskStatus.Reason.REASON_RECONCILIATION, "Reconciliation: task unknown to the agent",
                        cluster.now()).build());
            }
            Set<String> running = request.executors().stream()
                    .filter(executor -> executor.getFrameworkId().equals(framework.id()))
                    .map(executor -> executor.getExecutorId().getValue())
                    .collect(Collectors.toSet());
            framework.executors(agent.id()).stream()
                    .filter(executor -> !running.contains(executor.getExecutorId().getValue()))
                    .toList()
                    .forEach(executor -> tasks.executorGone(framework, agent.id(), executor));
        }
        for (Task task : request.tasks()) {
            cluster.frameworks.find(task.getFrameworkId())
                    .filter(framework -> framework.task(task.getTaskId().getValue()).isEmpty())
                    .ifPresent(framework -> framework.putTask(task.toBuilder().setAgentId(agent.id()).build()));
        }
    }
}
