package org.meseta.console.ui.frameworks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks;
import org.meseta.console.core.ResourceFormat;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.FrameworkView;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.ui.text.Quantities;

/**
 * One framework as the Frameworks view shows it: the master's description plus what the console derives from the
 * live model, its tasks by state (those that ended included, as far as the console kept them), what its running
 * tasks hold, its dominant share of the cluster and, while it is disconnected, when the master will remove it.
 * Immutable; pure functions of a {@link ClusterState}.
 *
 * @param framework the framework
 * @param tasks how many of its tasks are in each state, in the order of the states
 * @param liveTasks its tasks that have not ended, with the hostname of their agent, by agent host then task id
 * @param allocated what its tasks that have not ended hold (executors not counted)
 * @param dominantShare the largest fraction of the cluster's cpus, memory or disk that {@code allocated} is
 * @param dominantResource which resource that is ({@code cpus}, {@code mem}, {@code disk}); empty when none
 * @param failoverDeadline when the master removes it unless it subscribes again: while it is disconnected, its
 *        disconnection time plus its failover timeout
 */
record FrameworkRow(FrameworkView framework, Map<TaskState, Integer> tasks, List<LiveTask> liveTasks,
        Amounts allocated, double dominantShare, String dominantResource, Optional<Instant> failoverDeadline) {

    /** A task that has not ended and the host it runs on. */
    record LiveTask(TaskView task, String hostname) {
        /** {@code web-1 on node-a (running)}. */
        String describe() {
            return task.key().taskId() + " on " + hostname + " (" + stateName(task.state()) + ")";
        }
    }

    FrameworkRow {
        Map<TaskState, Integer> ordered = new EnumMap<>(TaskState.class);
        ordered.putAll(tasks);
        tasks = Collections.unmodifiableMap(ordered);
        liveTasks = List.copyOf(liveTasks);
    }

    /** Every framework of {@code cluster}, unordered. */
    static List<FrameworkRow> of(ClusterState cluster) {
        Map<String, Map<TaskState, Integer>> counts = new HashMap<>();
        Map<String, List<LiveTask>> live = new HashMap<>();
        Amounts total = Amounts.NONE;
        for (AgentView agent : cluster.agents().values()) {
            if (agent.state().isAdmitted()) {
                total = total.plus(agent.resources().total());
            }
            for (TaskView task : agent.tasks()) {
                count(counts, task);
                live.computeIfAbsent(task.key().frameworkId(), id -> new ArrayList<>())
                        .add(new LiveTask(task, agent.hostname()));
            }
        }
        cluster.completedTasks().forEach(task -> count(counts, task));
        List<FrameworkRow> rows = new ArrayList<>();
        for (FrameworkView framework : cluster.frameworks().values()) {
            List<LiveTask> tasks = new ArrayList<>(live.getOrDefault(framework.id(), List.of()));
            tasks.sort((left, right) -> left.hostname().equals(right.hostname())
                    ? left.task().key().taskId().compareTo(right.task().key().taskId())
                    : left.hostname().compareTo(right.hostname()));
            Amounts allocated = tasks.stream().filter(task -> holdsResources(task.task().state()))
                    .map(task -> task.task().resources()).reduce(Amounts.NONE, Amounts::plus);
            String[] dominant = {""};
            double share = dominantShare(allocated, total, dominant);
            rows.add(new FrameworkRow(framework, counts.getOrDefault(framework.id(), Map.of()), tasks, allocated,
                    share, dominant[0], deadline(framework.details())));
        }
        return rows;
    }

    private static void count(Map<String, Map<TaskState, Integer>> counts, TaskView task) {
        counts.computeIfAbsent(task.key().frameworkId(), id -> new EnumMap<>(TaskState.class))
                .merge(task.state(), 1, Integer::sum);
    }

    /** Whether a task in {@code state} holds its resources on its agent. */
    private static boolean holdsResources(TaskState state) {
        return switch (state) {
            case TASK_STAGING, TASK_STARTING, TASK_RUNNING, TASK_KILLING -> true;
            case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
                    TASK_GONE_BY_OPERATOR, TASK_UNREACHABLE, TASK_UNKNOWN -> false;
        };
    }

    private static double dominantShare(Amounts held, Amounts total, String[] resource) {
        double share = 0;
        String[] names = {"cpus", "mem", "disk"};
        double[] heldValues = {held.cpus(), held.memMb(), held.diskMb()};
        double[] totalValues = {total.cpus(), total.memMb(), total.diskMb()};
        for (int i = 0; i < names.length; i++) {
            if (totalValues[i] > 0 && heldValues[i] / totalValues[i] > share) {
                share = heldValues[i] / totalValues[i];
                resource[0] = names[i];
            }
        }
        return share;
    }

    private static Optional<Instant> deadline(GetFrameworks.Framework details) {
        if (details.getConnected() || !details.hasUnregisteredTime()) {
            return Optional.empty();
        }
        long disconnectedNanos = details.getUnregisteredTime().getNanoseconds();
        FrameworkInfo info = details.getFrameworkInfo();
        long timeoutNanos = (long) Math.min(info.getFailoverTimeout() * 1e9, Long.MAX_VALUE / 2.0);
        return Optional.of(Instant.EPOCH.plusNanos(disconnectedNanos).plusNanos(timeoutNanos));
    }

    /** The framework's connection as of {@code now}, with the failover countdown while it is disconnected. */
    String connection(Instant now) {
        if (framework.connected()) {
            return framework.active() ? "connected" : "connected, inactive";
        }
        if (framework.details().getRecovered()) {
            return "recovered, not subscribed again yet";
        }
        return failoverDeadline.map(deadline -> now.isBefore(deadline)
                ? "disconnected · removed in " + countdown(Duration.between(now, deadline))
                : "disconnected · failover timeout passed").orElse("disconnected");
    }

    /** {@code 2 running · 1 staging · 3 finished}, or {@code none}. */
    String tasksText() {
        if (tasks.isEmpty()) {
            return "none";
        }
        return tasks.entrySet().stream().map(entry -> entry.getValue() + " " + stateName(entry.getKey()))
                .collect(Collectors.joining(" · "));
    }

    /** {@code 0.5 cpus · 64 MB mem · 0 MB disk}. */
    String allocatedText() {
        return Quantities.of(allocated);
    }

    /** {@code 25 % mem}, or {@code 0 %}. */
    String dominantShareText() {
        String percent = ResourceFormat.number(dominantShare * 100) + " %";
        return dominantResource.isEmpty() ? percent : percent + " " + dominantResource;
    }

    /** Its capabilities as Mesos names them, sorted, {@code MULTI_ROLE, PARTITION_AWARE}; empty if none. */
    String capabilitiesText() {
        return framework.details().getFrameworkInfo().getCapabilitiesList().stream()
                .map(capability -> capability.getType().name()).sorted().collect(Collectors.joining(", "));
    }

    /** {@code running}, {@code gone by operator}: a task state without its prefix, in lower case. */
    static String stateName(TaskState state) {
        return state.name().substring("TASK_".length()).replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** A countdown for people: {@code 1 h 5 min}, {@code 4 min 10 s}, {@code 12 s}. */
    static String countdown(Duration left) {
        long seconds = (left.toMillis() + 999) / 1000;
        if (seconds >= 86_400) {
            return seconds / 86_400 + " d " + seconds % 86_400 / 3600 + " h";
        }
        if (seconds >= 3600) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        if (seconds >= 60) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds + " s";
    }
}
