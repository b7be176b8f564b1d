package org.meseta.master.internal.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.resources.Resources;
import org.meseta.api.tasks.Tasks;
import org.meseta.master.internal.agents.Agent;
import org.meseta.master.internal.frameworks.Framework;
import org.meseta.master.internal.validation.TaskGroupCheck;

/**
 * The life of tasks as the master sees it: launched as TASK_STAGING, then whatever their agent reports, until the
 * framework acknowledges the terminal update; lost with their agent; killed with their framework.
 *
 * <p>A task's {@code state} is the newest state its agent knows ({@code latest_state}), while
 * {@code status_update_state} and {@code status_update_uuid} name the update the framework has been sent and must
 * acknowledge. Its resources are given back to the allocator the moment its state becomes terminal; the task itself
 * is kept (for reconciliation) until that terminal update is acknowledged. Terminal states never change.
 *
 * <p>Runs on the master's actor thread.
 */
public final class TaskLifecycle {

    private static final System.Logger LOG = System.getLogger(TaskLifecycle.class.getName());

    private final Cluster cluster;
    /** Told the agent of every task that leaves the master's books (completed, not set aside as unreachable). */
    private Consumer<AgentID> taskRemoved = agent -> { };

    public TaskLifecycle(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Sets who is told when a task leaves the master's books, after everything else the change does. */
    void onTaskRemoved(Consumer<AgentID> listener) {
        taskRemoved = listener;
    }

    /**
     * Records a task that passed validation and sends it to its agent.
     *
     * @param resources the task's resources as taken from the offer (post-refinement, allocation_info set)
     * @param newExecutor the task's executor when it is not yet running on the agent
     */
    void launch(Framework framework, Agent agent, TaskInfo info, Resources resources,
            Optional<ExecutorInfo> newExecutor) {
        TaskInfo.Builder sent = info.toBuilder().setAgentId(agent.id()).clearResources()
                .addAllResources(resources.toList());
        if (info.hasExecutor()) {
            sent.setExecutor(info.getExecutor().toBuilder().setFrameworkId(framework.id()));
        }
        addTask(framework, agent, sent.build());
        newExecutor.ifPresent(executor -> framework.addExecutor(agent.id(),
                executor.toBuilder().setFrameworkId(framework.id()).build()));
        agent.send(new AgentEvent.RunTask(framework.info(), sent.build()));
    }

    /**
     * Records the tasks of a task group that passed validation, each as TASK_STAGING with the group's executor, and
     * sends the group to its agent as one piece of work.
     *
     * @param group the tasks as the framework gave them, each naming the group's executor
     * @param valid what validation took from the offers for the tasks and the executor
     */
    void launchGroup(Framework framework, Agent agent, ExecutorInfo executor, TaskGroupInfo group,
            TaskGroupCheck.Outcome.Valid valid) {
        ExecutorInfo sentExecutor = executor.toBuilder().clearResources()
                .addAllResources(valid.executorResources().toList()).build();
        TaskGroupInfo.Builder sent = TaskGroupInfo.newBuilder();
        for (int i = 0; i < group.getTasksCount(); i++) {
            sent.addTasks(group.getTasks(i).toBuilder().setAgentId(agent.id()).setExecutor(sentExecutor)
                    .clearResources().addAllResources(valid.taskResources().get(i).toList()));
        }
        sent.getTasksList().forEach(task -> addTask(framework, agent, task));
        if (valid.newExecutor()) {
            framework.addExecutor(agent.id(), sentExecutor);
        }
        agent.send(new AgentEvent.RunTaskGroup(framework.info(), sentExecutor, sent.build()));
    }

    private void addTask(Framework framework, Agent agent, TaskInfo sent) {
        Task task = newTask(framework, agent, sent);
        framework.putTask(task);
        cluster.operatorEvents.taskAdded(task);
    }

    private static Task newTask(Framework framework, Agent agent, TaskInfo info) {
        Task.Builder task = Tasks.fromInfo(info, framework.id(), agent.id(), TaskState.TASK_STAGING);
        if (info.hasCommand() && info.getCommand().hasUser()) {
            task.setUser(info.getCommand().getUser());
        } else if (framework.info().hasUser()) {
            task.setUser(framework.info().getUser());
        }
        return task.build();
    }

    /**
     * A status update from an agent: forwarded to the framework if it is connected (otherwise the agent sends it
     * again later), then recorded on the task. An update for a removed framework tells the agent to shut it down.
     */
    void update(Agent agent, AgentCall.Update call) {
        TaskStatus status = call.status().toBuilder().setAgentId(agent.id()).build();
        if (cluster.frameworks.isRemoved(call.frameworkId())) {
            agent.send(new AgentEvent.ShutdownFramework(call.frameworkId()));
            return;
        }
        Optional<Framework> found = cluster.frameworks.find(call.frameworkId());
        if (found.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Dropped status update {0} of task {1} for unknown framework {2}",
                    status.getState(), status.getTaskId().getValue(), call.frameworkId().getValue());
            return;
        }
        Framework framework = found.get();
        framework.send(Events.update(status));
        framework.task(status.getTaskId().getValue())
                .ifPresent(task -> record(framework, task, status, call.latestState()));
    }

    private void record(Framework framework, Task task, TaskStatus status, TaskState latestState) {
        Task.Builder updated = task.toBuilder();
        if (!TaskStates.isTerminal(task.getState())) {
            updated.setState(latestState);
        }
        if (status.hasUuid()) {
            updated.setStatusUpdateState(status.getState()).setStatusUpdateUuid(status.getUuid());
        }
        appendStatus(updated, status);
        framework.putTask(updated.build());
        if (holdsResources(task.getState()) && !holdsResources(updated.getState())) {
            recoverResources(framework, task);
        }
        cluster.taskCounters.changed(task.getState(), updated.getState());
        cluster.operatorEvents.taskUpdated(task, updated.build(), status);
    }

    /** As Mesos: one status per state in a row (the newest wins), without the framework's data. */
    private static void appendStatus(Task.Builder task, TaskStatus status) {
        int last = task.getStatusesCount() - 1;
        if (last >= 0 && task.getStatuses(last).getState() == status.getState()) {
            task.removeStatuses(last);
        }
        task.addStatuses(status.toBuilder().clearData());
    }

    private void recoverResources(Framework framework, Task task) {
        cluster.allocator.recoverResources(framework.id(), task.getAgentId(),
                Resources.ofValidated(task.getResourcesList()), Optional.empty());
    }

    /**
     * The framework acknowledged an update: the agent is told, and a task whose terminal update it was is completed.
     * An acknowledgement for an agent that is not connected is dropped; the agent sends the update again and the
     * framework acknowledges it again.
     */
    void acknowledge(Framework framework, Call.Acknowledge ack) {
        Optional<Agent> agent = cluster.agents.find(ack.getAgentId()).filter(Agent::isConnected);
        if (agent.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Dropped the acknowledgement of task {0}: agent {1} is not connected",
                    ack.getTaskId().getValue(), ack.getAgentId().getValue());
            return;
        }
        Optional<Task> completed = framework.task(ack.getTaskId().getValue())
                .filter(task -> task.getAgentId().equals(ack.getAgentId()))
                .filter(task -> task.hasStatusUpdateState() && TaskStates.isTerminal(task.getStatusUpdateState())
                        && task.getStatusUpdateUuid().equals(ack.getUuid()));
        completed.ifPresent(framework::completeTask);
        agent.get().send(new AgentEvent.Acknowledge(framework.id(), ack));
        completed.ifPresent(task -> taskRemoved.accept(task.getAgentId()));
    }

    /**
     * The agent became unreachable: each of its tasks becomes TASK_UNREACHABLE, or TASK_LOST for frameworks that
     * are not partition-aware, and is set aside as unreachable (it comes back if the agent does); its executors are
     * forgotten, and every connected framework hears that the agent is lost.
     */
    void agentLost(Agent agent, String reason, Instant now) {
        TimeInfo since = TimeInfo.newBuilder().setNanoseconds(nanos(now)).build();
        for (Framework framework : cluster.frameworks.all()) {
            List<Task> onAgent = framework.tasks().stream()
                    .filter(task -> task.getAgentId().equals(agent.id()))
                    .toList();
            TaskState state = framework.isPartitionAware() ? TaskState.TASK_UNREACHABLE : TaskState.TASK_LOST;
            for (Task task : onAgent) {
                TaskStatus status = TaskStates.fromMaster(task.getTaskId(), agent.id(), state,
                        TaskStatus.Reason.REASON_AGENT_REMOVED, reason, now).setUnreachableTime(since).build();
                framework.send(Events.update(status));
                framework.setUnreachable(transition(framework, task, state, status));
            }
            framework.removeExecutors(agent.id());
            framework.send(Events.failure(agent.id(), null, null));
        }
    }

    /**
     * Moves a task to {@code state} as the master decided it (no uuid, so the framework's pending acknowledgement is
     * unaffected); a live task that stops running gives its resources back.
     */
    private Task transition(Framework framework, Task task, TaskState state, TaskStatus status) {
        Task.Builder updated = task.toBuilder();
        if (!TaskStates.isTerminal(task.getState())) {
            updated.setState(state);
        }
        appendStatus(updated, status);
        if (holdsResources(task.getState()) && !holdsResources(updated.getState())) {
            recoverResources(framework, task);
        }
        cluster.taskCounters.changed(task.getState(), updated.getState());
        cluster.operatorEvents.taskUpdated(task, updated.build(), status);
        return updated.build();
    }

    /** Whether a task in this state holds its resources: until it ends or its agent is lost. */
    static boolean holdsResources(TaskState state) {
        return !TaskStates.isTerminal(state) && state != TaskState.TASK_UNREACHABLE;
    }

    /**
     * The framework is removed: its tasks end as TASK_KILLED in the master's books (the framework is not told), and
     * every agent shuts the framework down.
     */
    void frameworkRemoved(Framework framework, Instant now) {
        List<Task> all = new ArrayList<>(framework.tasks());
        all.addAll(framework.unreachableTasks());
        for (Task task : all) {
            TaskStatus killed = TaskStates.fromMaster(task.getTaskId(), task.getAgentId(), TaskState.TASK_KILLED,
                    TaskStatus.Reason.REASON_FRAMEWORK_REMOVED, "Framework " + framework.id().getValue()
                            + " removed", now).build();
            framework.completeTask(transition(framework, task, TaskState.TASK_KILLED, killed));
        }
        for (Agent agent : cluster.agents.all()) {
            agent.send(new AgentEvent.ShutdownFramework(framework.id()));
        }
        all.stream().map(Task::getAgentId).distinct().forEach(taskRemoved);
    }

    /**
     * The operator marked the agent gone: each of its tasks, live or unreachable, becomes TASK_GONE_BY_OPERATOR
     * (TASK_LOST with REASON_AGENT_REMOVED for frameworks that are not partition-aware), the framework is told and
     * the task is completed; the agent's executors are forgotten. Connected frameworks hear that an agent that was
     * {@code admitted} (not unreachable) is lost.
     */
    void agentGone(AgentID agent, boolean admitted, Instant now) {
        for (Framework framework : cluster.frameworks.all()) {
            boolean aware = framework.isPartitionAware();
            TaskState state = aware ? TaskState.TASK_GONE_BY_OPERATOR : TaskState.TASK_LOST;
            TaskStatus.Reason reason = aware ? TaskStatus.Reason.REASON_AGENT_REMOVED_BY_OPERATOR
                    : TaskStatus.Reason.REASON_AGENT_REMOVED;
            List<Task> onAgent = Stream.concat(framework.tasks().stream(), framework.unreachableTasks().stream())
                    .filter(task -> task.getAgentId().equals(agent))
                    .toList();
            for (Task task : onAgent) {
                TaskStatus status = TaskStates.fromMaster(task.getTaskId(), agent, state, reason,
                        AgentMaintenance.GONE, now).build();
                framework.send(Events.update(status));
                framework.completeTask(transition(framework, task, state, status));
            }
            framework.removeExecutors(agent);
            if (admitted) {
                framework.send(Events.failure(agent, null, null));
            }
        }
    }

    /** Whether any framework has a task on the agent that is not completed (a terminal one waits for its ack). */
    boolean hasTasksOn(AgentID agent) {
        return cluster.frameworks.all().stream()
                .anyMatch(framework -> framework.tasks().stream().anyMatch(task -> task.getAgentId().equals(agent)));
    }

    /** An executor ended on its agent: its resources are free, and its framework hears of it. */
    void executorExited(Agent agent, AgentCall.ExecutorExited call) {
        cluster.frameworks.find(call.frameworkId()).ifPresent(framework -> {
            framework.executors(agent.id()).stream()
                    .filter(executor -> executor.getExecutorId().equals(call.failure().getExecutorId()))
                    .findFirst()
                    .ifPresent(executor -> executorGone(framework, agent.id(), executor));
            framework.send(Events.failure(agent.id(), call.failure().getExecutorId(),
                    call.failure().hasStatus() ? call.failure().getStatus() : null));
        });
    }

    /** Forgets an executor that no longer runs and frees its resources. */
    void executorGone(Framework framework, AgentID agent, ExecutorInfo executor) {
        framework.removeExecutor(agent, executor.getExecutorId().getValue());
        Resources resources = Resources.ofValidated(executor.getResourcesList());
        if (!resources.isEmpty()) {
            cluster.allocator.recoverResources(framework.id(), agent, resources, Optional.empty());
        }
    }

    /** Ends a task with a status the master generated, telling the framework; a terminal task is completed. */
    void endByMaster(Framework framework, Task task, TaskStatus status) {
        framework.send(Events.update(status));
        Task ended = transition(framework, task, status.getState(), status);
        if (TaskStates.isTerminal(ended.getState())) {
            framework.completeTask(ended);
            taskRemoved.accept(ended.getAgentId());
        } else {
            framework.putTask(ended);
        }
    }

    /** What a framework's live tasks and executors use, by agent id. */
    static Map<String, Resources> usedByAgent(Framework framework) {
        Map<String, Resources> used = new HashMap<>();
        for (Task task : framework.tasks()) {
            if (holdsResources(task.getState())) {
                used.merge(task.getAgentId().getValue(), Resources.ofValidated(task.getResourcesList()),
                        Resources::plus);
            }
        }
        framework.executors().forEach((agent, executors) -> executors.values().forEach(executor ->
                used.merge(agent, Resources.ofValidated(executor.getResourcesList()), Resources::plus)));
        used.values().removeIf(Resources::isEmpty);
        return used;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
