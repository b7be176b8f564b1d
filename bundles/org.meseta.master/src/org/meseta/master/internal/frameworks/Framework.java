package org.meseta.master.internal.frameworks;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.api.resources.Roles;
import org.meseta.daemon.Actor;

/**
 * One framework as the master knows it: its info, its subscription while connected, its tasks (live ones and
 * terminal ones not yet acknowledged), its executors and a bounded history of completed tasks. Confined to the master's actor thread.
 *
 * <p>A framework is <em>connected</em> while its event stream is open. A disconnected framework keeps its tasks
 * until its failover timeout expires; calls it makes meanwhile are refused.
 */
public final class Framework {

    private FrameworkInfo info;
    private Set<String> suppressedRoles;
    private final Instant registeredTime;
    private Instant reregisteredTime;
    private Instant unregisteredTime;
    private final int maxCompletedTasks;

    private boolean recovered;
    private Connection connection;
    private Actor.Timer failover = () -> {};
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Deque<Task> completedTasks = new ArrayDeque<>();
    private final LinkedHashMap<String, Task> unreachableTasks = new LinkedHashMap<>();
    private final Map<String, Map<String, ExecutorInfo>> executorsByAgent = new HashMap<>();

    /** @param info with {@code id} set */
    Framework(FrameworkInfo info, Set<String> suppressedRoles, Instant registeredTime, int maxCompletedTasks) {
        this.info = info;
        this.suppressedRoles = Set.copyOf(suppressedRoles);
        this.registeredTime = registeredTime;
        this.maxCompletedTasks = maxCompletedTasks;
    }

    public FrameworkID id() {
        return info.getId();
    }

    public FrameworkInfo info() {
        return info;
    }

    /** Takes new info (a resubscription or UPDATE_FRAMEWORK); the id stays. */
    public void update(FrameworkInfo newInfo, Set<String> newSuppressedRoles) {
        this.info = newInfo.toBuilder().setId(info.getId()).build();
        this.suppressedRoles = Set.copyOf(newSuppressedRoles);
    }

    public Set<String> suppressedRoles() {
        return suppressedRoles;
    }

    /** The roles it subscribes to: {@code roles} with MULTI_ROLE, else {@code role} ({@code *} when unset). */
    public Set<String> roles() {
        return roles(info);
    }

    /** The roles a framework with this info subscribes to. */
    @SuppressWarnings("deprecation") // 'role' is how frameworks without MULTI_ROLE name their role
    public static Set<String> roles(FrameworkInfo info) {
        if (hasCapability(info, FrameworkInfo.Capability.Type.MULTI_ROLE)) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(info.getRolesList()));
        }
        return Set.of(info.hasRole() ? info.getRole() : Roles.DEFAULT_ROLE);
    }

    public boolean hasCapability(FrameworkInfo.Capability.Type type) {
        return hasCapability(info, type);
    }

    private static boolean hasCapability(FrameworkInfo info, FrameworkInfo.Capability.Type type) {
        return info.getCapabilitiesList().stream().anyMatch(capability -> capability.getType() == type);
    }

    public boolean isPartitionAware() {
        return hasCapability(FrameworkInfo.Capability.Type.PARTITION_AWARE);
    }

    public Instant registeredTime() {
        return registeredTime;
    }

    public Optional<Instant> reregisteredTime() {
        return Optional.ofNullable(reregisteredTime);
    }

    public Optional<Instant> unregisteredTime() {
        return Optional.ofNullable(unregisteredTime);
    }

    // ---- connection

    /** Whether the master knows it only from its agents: it has not subscribed to this master yet. */
    public boolean isRecovered() {
        return recovered;
    }

    /** Marks a framework learnt from an agent's report; it stays so until it subscribes. */
    public void markRecovered() {
        recovered = true;
    }

    public boolean isConnected() {
        return connection != null;
    }

    public Optional<Connection> connection() {
        return Optional.ofNullable(connection);
    }

    /**
     * Makes {@code newConnection} the framework's subscription and stops the failover timer.
     *
     * @return the subscription it replaces, which the caller ends
     */
    public Optional<Connection> connect(Connection newConnection, Instant now, boolean resubscription) {
        Connection previous = connection;
        connection = newConnection;
        recovered = false;
        failover.cancel();
        failover = () -> {};
        unregisteredTime = null;
        if (resubscription) {
            reregisteredTime = now;
        }
        return Optional.ofNullable(previous);
    }

    /** The stream ended: calls are refused until it resubscribes; {@code failoverTimer} removes it unless it does. */
    public void disconnect(Instant now, Actor.Timer failoverTimer) {
        connection = null;
        unregisteredTime = now;
        failover.cancel();
        failover = failoverTimer;
    }

    /** Sends an event if connected; events for a disconnected framework are dropped, as Mesos does. */
    public void send(Event event) {
        if (connection != null) {
            connection.send(event);
        }
    }

    /** Ends the subscription and the failover timer for good (the framework is removed). */
    /** The framework is removed (torn down or failed over too late): as Mesos, that is its unregistered time. */
    public void removed(Instant now) {
        unregisteredTime = now;
        close();
    }

    public void close() {
        failover.cancel();
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    // ---- tasks

    public Optional<Task> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    /** Live tasks and terminal tasks whose terminal update is not yet acknowledged. */
    public Collection<Task> tasks() {
        return Collections.unmodifiableCollection(tasks.values());
    }

    /** Adds or replaces a task. */
    public void putTask(Task task) {
        tasks.put(task.getTaskId().getValue(), task);
    }

    /**
     * Moves a task, in its final form, to the completed history, which keeps the newest
     * {@code max_completed_tasks_per_framework}.
     */
    public void completeTask(Task task) {
        tasks.remove(task.getTaskId().getValue());
        unreachableTasks.remove(task.getTaskId().getValue());
        completedTasks.addLast(task);
        while (completedTasks.size() > maxCompletedTasks) {
            completedTasks.removeFirst();
        }
    }

    /**
     * Moves a task whose agent became unreachable aside (it keeps the newest
     * {@code max_unreachable_tasks_per_framework}, as many as completed tasks): reconciliation answers for it through
     * its agent, and it comes back if the agent does.
     */
    public void setUnreachable(Task task) {
        tasks.remove(task.getTaskId().getValue());
        unreachableTasks.put(task.getTaskId().getValue(), task);
        while (unreachableTasks.size() > maxCompletedTasks) {
            unreachableTasks.pollFirstEntry();
        }
    }

    /** Tasks on agents that became unreachable. */
    public Collection<Task> unreachableTasks() {
        return Collections.unmodifiableCollection(unreachableTasks.values());
    }

    /** Takes a task back from the unreachable ones (its agent returned); empty if it is not one. */
    public Optional<Task> reclaimUnreachable(String taskId) {
        return Optional.ofNullable(unreachableTasks.remove(taskId));
    }

    public Collection<Task> completedTasks() {
        return Collections.unmodifiableCollection(completedTasks);
    }

    // ---- executors

    /** Records a custom executor launched on {@code agent}; false if it was known already. */
    public boolean addExecutor(AgentID agent, ExecutorInfo executor) {
        return executorsByAgent.computeIfAbsent(agent.getValue(), ignored -> new LinkedHashMap<>())
                .putIfAbsent(executor.getExecutorId().getValue(), executor) == null;
    }

    public Optional<ExecutorInfo> removeExecutor(AgentID agent, String executorId) {
        Map<String, ExecutorInfo> executors = executorsByAgent.get(agent.getValue());
        if (executors == null) {
            return Optional.empty();
        }
        ExecutorInfo removed = executors.remove(executorId);
        if (executors.isEmpty()) {
            executorsByAgent.remove(agent.getValue());
        }
        return Optional.ofNullable(removed);
    }

    /** Its executors on {@code agent}. */
    public Collection<ExecutorInfo> executors(AgentID agent) {
        Map<String, ExecutorInfo> executors = executorsByAgent.get(agent.getValue());
        return executors == null ? List.of() : Collections.unmodifiableCollection(executors.values());
    }

    /** Its executors on every agent, by agent id. */
    public Map<String, Map<String, ExecutorInfo>> executors() {
        return Collections.unmodifiableMap(executorsByAgent);
    }

    /** Forgets its executors on an agent that is gone. */
    public void removeExecutors(AgentID agent) {
        executorsByAgent.remove(agent.getValue());
    }
}
