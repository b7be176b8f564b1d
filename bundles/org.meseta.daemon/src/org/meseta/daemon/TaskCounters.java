package org.meseta.daemon;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.mesos.v1.Protos.TaskState;

/**
 * Counts the tasks that reached each state, for the {@code tasks_finished}, {@code tasks_failed} ... counters of
 * {@code /metrics/snapshot}: a task is counted once per state it enters, so a terminal state, which is sticky, counts
 * each task at most once. Confined to the thread of the actor that owns the tasks; not thread-safe.
 */
public final class TaskCounters {

    private final Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);

    /** A task moved from {@code before} to {@code after}; nothing is counted when the state stays the same. */
    public void changed(TaskState before, TaskState after) {
        if (before != after) {
            counts.merge(after, 1L, Long::sum);
        }
    }

    /** How many times tasks entered {@code state}. */
    public long count(TaskState state) {
        return counts.getOrDefault(state, 0L);
    }

    /**
     * Puts {@code <prefix>/tasks_<state>} for each state, e.g. {@code master/tasks_finished} for TASK_FINISHED.
     */
    public void putCounters(Map<String, Double> metrics, String prefix, TaskState... states) {
        for (TaskState state : states) {
            metrics.put(prefix + "/" + name(state), (double) count(state));
        }
    }

    /** {@code tasks_finished} for TASK_FINISHED: the metric's name for a state. */
    public static String name(TaskState state) {
        return "tasks_" + state.name().substring("TASK_".length()).toLowerCase(Locale.ROOT);
    }
}
