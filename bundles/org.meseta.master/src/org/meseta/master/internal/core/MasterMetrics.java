package org.meseta.master.internal.core;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Metrics;
import org.meseta.daemon.TaskCounters;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.allocation.AllocatorGauges;
import org.meseta.master.internal.allocation.QuotaMetrics;

/**
 * The master's {@code /metrics/snapshot}, Mesos's {@code master/...} names and the quota gauges of
 * {@link QuotaMetrics}: gauges computed from a
 * {@link ClusterView}, and the task counters the lifecycles keep. In Meseta an admitted agent is active exactly
 * while it is connected (there is no separate deactivation), so {@code slaves_active} equals
 * {@code slaves_connected} and {@code slaves_inactive} equals {@code slaves_disconnected}. Runs on the master's
 * actor thread.
 */
final class MasterMetrics {

    private static final String PREFIX = "master";
    /** The task states {@code master/tasks_<state>} reports as gauges: how many tasks are in them now. */
    private static final TaskState[] GAUGED = {TaskState.TASK_STAGING, TaskState.TASK_STARTING,
        TaskState.TASK_RUNNING, TaskState.TASK_KILLING};
    /** The task states {@code master/tasks_<state>} reports as counters: how many tasks ever reached them. */
    private static final TaskState[] COUNTED = {TaskState.TASK_FINISHED, TaskState.TASK_FAILED,
        TaskState.TASK_KILLED, TaskState.TASK_LOST, TaskState.TASK_ERROR, TaskState.TASK_DROPPED,
        TaskState.TASK_GONE, TaskState.TASK_GONE_BY_OPERATOR};

    private MasterMetrics() {}

    /** @param excluded {@code --fair_sharing_excluded_resource_names}, for the roles' shares */
    static SortedMap<String, Double> of(ClusterView view, Instant now, TaskCounters counters,
            UnreachableTransitions unreachableTransitions, Set<String> excluded) {
        SortedMap<String, Double> metrics = new TreeMap<>();
        metrics.put(PREFIX + "/uptime_secs", Metrics.uptimeSecs(view.startTime(), now));
        // A standby master (with --zk) is not elected yet; a leader that loses its leadership exits.
        metrics.put(PREFIX + "/elected", view.electedTime().isPresent() ? 1.0 : 0.0);
        agents(metrics, view);
        unreachableTransitions.putCounters(metrics, PREFIX);
        frameworks(metrics, view);
        tasks(metrics, view, counters);
        Resources total = Resources.empty();
        Resources used = Resources.empty();
        for (ClusterView.AgentView agent : view.agents()) {
            total = total.plus(agent.total());
            used = used.plus(agent.used());
        }
        Metrics.putResources(metrics, PREFIX, total, used);
        QuotaMetrics.putConfigured(metrics, view.quotas());
        AllocatorGauges.putTo(metrics, view, excluded);
        return Collections.unmodifiableSortedMap(metrics);
    }

    private static void agents(SortedMap<String, Double> metrics, ClusterView view) {
        double active = view.activeAgents();
        double inactive = view.agents().size() - active;
        metrics.put(PREFIX + "/slaves_active", active);
        metrics.put(PREFIX + "/slaves_inactive", inactive);
        metrics.put(PREFIX + "/slaves_connected", active);
        metrics.put(PREFIX + "/slaves_disconnected", inactive);
        metrics.put(PREFIX + "/slaves_unreachable", (double) view.unreachableAgents());
    }

    private static void frameworks(SortedMap<String, Double> metrics, ClusterView view) {
        long active = view.frameworks().stream().filter(ClusterView.FrameworkView::active).count();
        long connected = view.frameworks().stream().filter(ClusterView.FrameworkView::connected).count();
        int all = view.frameworks().size();
        metrics.put(PREFIX + "/frameworks_active", (double) active);
        metrics.put(PREFIX + "/frameworks_inactive", (double) (all - active));
        metrics.put(PREFIX + "/frameworks_connected", (double) connected);
        metrics.put(PREFIX + "/frameworks_disconnected", (double) (all - connected));
        metrics.put(PREFIX + "/outstanding_offers",
                (double) view.frameworks().stream().mapToInt(framework -> framework.offers().size()).sum());
    }

    private static void tasks(SortedMap<String, Double> metrics, ClusterView view, TaskCounters counters) {
        Map<TaskState, Integer> live = new EnumMap<>(TaskState.class);
        int unreachable = 0;
        for (ClusterView.FrameworkView framework : view.frameworks()) {
            for (Task task : framework.tasks()) {
                live.merge(task.getState(), 1, Integer::sum);
            }
            // As Mesos, only TASK_UNREACHABLE: tasks of other frameworks are set aside as TASK_LOST (tasks_lost).
            unreachable += (int) framework.unreachableTasks().stream()
                    .filter(task -> task.getState() == TaskState.TASK_UNREACHABLE).count();
        }
        for (TaskState state : GAUGED) {
            metrics.put(PREFIX + "/" + TaskCounters.name(state), (double) live.getOrDefault(state, 0));
        }
        metrics.put(PREFIX + "/" + TaskCounters.name(TaskState.TASK_UNREACHABLE), (double) unreachable);
        counters.putCounters(metrics, PREFIX, COUNTED);
    }
}
