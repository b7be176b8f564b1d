package org.meseta.agent.internal.tasks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.meseta.agent.internal.containerizer.Limits;
import org.meseta.agent.internal.tasks.WorkloadSnapshot.ExecutorSnapshot;
import org.meseta.agent.internal.tasks.WorkloadSnapshot.FrameworkSnapshot;
import org.meseta.agent.internal.updates.StatusUpdateManager;
import org.meseta.containerizer.api.ContainerId;

/**
 * Everything this agent runs: its frameworks, their executor runs and tasks, and the bounded list of frameworks
 * that have nothing left here (50, as Mesos keeps). Finished runs and frameworks move to the completed lists in
 * {@link #reap}. Confined to the agent's actor thread.
 */
public final class Workload {

    private static final int MAX_COMPLETED_FRAMEWORKS = 50;

    private final Map<FrameworkID, Framework> frameworks = new LinkedHashMap<>();
    private final Deque<Framework> completed = new ArrayDeque<>();

    /** The framework, created or given its newer info. */
    Framework framework(FrameworkInfo info) {
        Framework framework = frameworks.computeIfAbsent(info.getId(), id -> new Framework(info));
        framework.update(info);
        return framework;
    }

    Optional<Framework> framework(FrameworkID id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    Optional<ExecutorRun> executor(FrameworkID frameworkId, ExecutorID executorId) {
        return framework(frameworkId).flatMap(framework -> framework.executor(executorId));
    }

    Optional<ExecutorRun> executorOf(FrameworkID frameworkId, TaskID taskId) {
        return framework(frameworkId).flatMap(framework -> framework.executorOf(taskId));
    }

    /**
     * Moves {@code run}, if it is done, to its framework's completed list, and frameworks with nothing left here to
     * the completed frameworks; sandboxes falling off those lists are detached.
     */
    void reap(ExecutorRun run) {
        framework(run.frameworkId()).flatMap(framework -> framework.reap(run)).ifPresent(ExecutorRun::detachSandbox);
        List<Framework> idle = frameworks.values().stream().filter(framework -> !framework.hasExecutors()).toList();
        for (Framework framework : idle) {
            frameworks.remove(framework.id());
            completed.addLast(framework);
            if (completed.size() > MAX_COMPLETED_FRAMEWORKS) {
                completed.removeFirst().completedExecutors().forEach(ExecutorRun::detachSandbox);
            }
        }
    }

    /** The frameworks with something live here, for the agent's subscription. */
    public List<FrameworkInfo> frameworkInfos() {
        return frameworks.values().stream().map(Framework::info).toList();
    }

    /** The executors the master knows (custom and default ones, not those of command tasks) that have not ended. */
    public List<ExecutorInfo> executorInfos() {
        return runs().filter(run -> !(run instanceof CommandExecutor) && run.state != ExecutorState.TERMINATED)
                .map(run -> run.info).toList();
    }

    /** Every live task with its state and oldest unacknowledged update, for the agent's subscription. */
    public List<Task> tasks(AgentID agentId, StatusUpdateManager updates) {
        return runs().flatMap(run -> run.liveTasks().stream()
                        .map(task -> task.toTask(agentId, updates.head(run.frameworkId(), task.id()))))
                .toList();
    }

    /**
     * Kills every process of every run that a restarted agent would not recover (its framework does not
     * checkpoint), for an agent that stops.
     *
     * @return the containers killed, for the isolators to clean up
     */
    public List<ContainerId> killUnrecoverable() {
        List<ExecutorRun> killed = runs().filter(run -> run.container != null && !run.isRecoverable()).toList();
        killed.forEach(ExecutorRun::killAll);
        return killed.stream().map(ExecutorRun::isolatedId).toList();
    }

    /** The containers whose processes run now, for {@code /monitor/statistics} and {@code GET_CONTAINERS}. */
    public List<ContainerSnapshot> containers() {
        return runs().filter(run -> run.container != null && run.state != ExecutorState.TERMINATED)
                .map(run -> new ContainerSnapshot(run.frameworkId(), run.info, run.isolatedId(),
                        run.container.pid(), Limits.of(run.resources())))
                .toList();
    }

    /** The ids of the frameworks with something live here. */
    List<FrameworkID> frameworkIds() {
        return List.copyOf(frameworks.keySet());
    }

    /** Every executor run of every framework with something live here. */
    Stream<ExecutorRun> runs() {
        return frameworks.values().stream().flatMap(framework -> framework.executors().stream());
    }

    public WorkloadSnapshot snapshot(AgentID agentId) {
        return new WorkloadSnapshot(frameworks.values().stream().map(f -> snapshot(f, agentId)).toList(),
                completed.stream().map(f -> snapshot(f, agentId)).toList());
    }

    private static FrameworkSnapshot snapshot(Framework framework, AgentID agentId) {
        return new FrameworkSnapshot(framework.info(), snapshots(framework.executors(), agentId),
                snapshots(framework.completedExecutors(), agentId));
    }

    private static List<ExecutorSnapshot> snapshots(Collection<ExecutorRun> runs, AgentID agentId) {
        return runs.stream().map(run -> snapshot(run, agentId)).toList();
    }

    private static ExecutorSnapshot snapshot(ExecutorRun run, AgentID agentId) {
        List<Task> queued = new ArrayList<>();
        List<Task> running = new ArrayList<>();
        List<Task> ended = new ArrayList<>();
        for (TaskEntry task : run.liveTasks()) {
            Task view = task.toTask(agentId, Optional.empty());
            (task.isTerminal() ? ended : task.isDelivered() ? running : queued).add(view);
        }
        run.completedTasks().forEach(task -> ended.add(task.toTask(agentId, Optional.empty())));
        return new ExecutorSnapshot(run.info, run.containerId.getValue(), run.sandbox.directory(),
                List.copyOf(run.resources()), queued, running, ended);
    }
}
