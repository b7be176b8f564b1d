package org.meseta.master.internal.core;

import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.master.internal.frameworks.Framework;

/**
 * The calls a framework makes about work on agents, passed on to the agent (KILL, SHUTDOWN, MESSAGE), and messages
 * executors send their framework. As in Mesos, what cannot be delivered is dropped with a log line: a framework
 * learns the outcome from status updates and reconciliation, not from the call. Runs on the master's actor thread.
 */
final class FrameworkCalls {

    private static final System.Logger LOG = System.getLogger(FrameworkCalls.class.getName());

    private final Cluster cluster;

    FrameworkCalls(Cluster cluster) {
        this.cluster = cluster;
    }

    /** KILL: sent to the task's agent; an unknown task is reconciled instead, so the framework learns its state. */
    void kill(Framework framework, Call.Kill kill) {
        Optional<Task> task = framework.task(kill.getTaskId().getValue());
        if (task.isEmpty()) {
            Call.Reconcile.Task.Builder wanted = Call.Reconcile.Task.newBuilder().setTaskId(kill.getTaskId());
            if (kill.hasAgentId()) {
                wanted.setAgentId(kill.getAgentId());
            }
            Reconciliation.reconcile(framework, List.of(wanted.build()), cluster.agents, cluster.now())
                    .forEach(status -> framework.send(Events.update(status)));
            return;
        }
        if (kill.hasAgentId() && !kill.getAgentId().equals(task.get().getAgentId())) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring the kill of task {0}: it runs on agent {1}, not {2}",
                    kill.getTaskId().getValue(), task.get().getAgentId().getValue(), kill.getAgentId().getValue());
            return;
        }
        Call.Kill forwarded = kill.toBuilder().setAgentId(task.get().getAgentId()).build();
        if (!sendTo(forwarded.getAgentId(), new AgentEvent.KillTask(framework.id(), forwarded))) {
            LOG.log(System.Logger.Level.WARNING, "Could not kill task {0} now: agent {1} is not connected",
                    kill.getTaskId().getValue(), forwarded.getAgentId().getValue());
        }
    }

    /** SHUTDOWN of a custom executor. */
    void shutdown(Framework framework, Call.Shutdown shutdown) {
        if (!sendTo(shutdown.getAgentId(), new AgentEvent.ShutdownExecutor(framework.id(), shutdown))) {
            LOG.log(System.Logger.Level.WARNING, "Could not shut down executor {0}: agent {1} is not connected",
                    shutdown.getExecutorId().getValue(), shutdown.getAgentId().getValue());
        }
    }

    /** MESSAGE from a framework to one of its executors. */
    void message(Framework framework, Call.Message message) {
        if (!sendTo(message.getAgentId(), new AgentEvent.FrameworkMessage(framework.id(), message))) {
            LOG.log(System.Logger.Level.WARNING, "Dropped a message for executor {0}: agent {1} is not connected",
                    message.getExecutorId().getValue(), message.getAgentId().getValue());
        }
    }

    /** A message from an executor to its framework, delivered only if the framework is connected. */
    void executorMessage(AgentCall.ExecutorMessage call) {
        Optional<Framework> framework = cluster.frameworks.find(call.frameworkId()).filter(Framework::isConnected);
        if (framework.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Dropped a message from executor {0}: framework {1} is not connected",
                    call.message().getExecutorId().getValue(), call.frameworkId().getValue());
            return;
        }
        framework.get().send(Events.message(call.message()));
    }

    private boolean sendTo(AgentID agentId, AgentEvent event) {
        return cluster.agents.find(agentId).map(agent -> agent.send(event)).orElse(false);
    }
}
