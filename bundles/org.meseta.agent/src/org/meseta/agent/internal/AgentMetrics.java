package org.meseta.agent.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.meseta.agent.internal.tasks.WorkloadSnapshot.ExecutorSnapshot;
import org.meseta.agent.internal.tasks.WorkloadSnapshot.FrameworkSnapshot;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Metrics;
import org.meseta.daemon.TaskCounters;

/**
 * The agent's {@code /metrics/snapshot}, Mesos's {@code slave/...} names: gauges computed from an {@link Agent.View}
 * and the task counters its executor runs keep. Runs on the agent's actor thread.
 */
final class AgentMetrics {

    private static final String PREFIX = "slave";
    /** The task states {@code slave/tasks_<state>} reports as gauges: how many live tasks are in them now. */
    private static final TaskState[] GAUGED = {TaskState.TASK_STAGING, TaskState.TASK_STARTING,
        TaskState.TASK_RUNNING, TaskState.TASK_KILLING};
    /** The task states {@code slave/tasks_<state>} reports as counters: how many tasks ever reached them. */
    private static final TaskState[] COUNTED = {TaskState.TASK_FINISHED, TaskState.TASK_FAILED,
        TaskState.TASK_KILLED, TaskState.TASK_LOST};

    private AgentMetrics() {}

    static SortedMap<String, Double> of(Agent.View view, Instant now, TaskCounters counters) {
        SortedMap<String, Double> metrics = new TreeMap<>();
        metrics.put(PREFIX + "/uptime_secs", Metrics.uptimeSecs(view.startTime(), now));
        metrics.put(PREFIX + "/registered", Metrics.gauge(view.connected()));
        metrics.put(PREFIX + "/frameworks_active", (double) view.workload().frameworks().size());
        metrics.put(PREFIX + "/executors_running", (double) executors(view).count());
        Map<TaskState, Integer> live = new EnumMap<>(TaskState.class);
        executors(view).flatMap(executor -> Stream.concat(executor.queuedTasks().stream(),
                executor.tasks().stream())).map(Task::getState).forEach(state -> live.merge(state, 1, Integer::sum));
        for (TaskState state : GAUGED) {
            metrics.put(PREFIX + "/" + TaskCounters.name(state), (double) live.getOrDefault(state, 0));
        }
        counters.putCounters(metrics, PREFIX, COUNTED);
        Resources used = Resources.empty();
        for (ExecutorSnapshot executor : executors(view).toList()) {
            used = used.plus(Resources.ofValidated(executor.resources()));
        }
        Metrics.putResources(metrics, PREFIX, view.total(), used);
        return Collections.unmodifiableSortedMap(metrics);
    }

    /** The executor runs of frameworks with live work here. */
    private static Stream<ExecutorSnapshot> executors(Agent.View view) {
        return view.workload().frameworks().stream().map(FrameworkSnapshot::executors).flatMap(List::stream);
    }
}
