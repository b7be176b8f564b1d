package org.meseta.console.ui.tasks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.console.core.ResourceFormat;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.ui.tables.Column;

/** The columns of the Tasks view's tables (tasks, a task's status updates) and how their cells read. */
final class TaskColumns {

    private TaskColumns() {
    }

    /** The tasks, their framework and agent named as in {@code state}, times of day as {@code time} formats them. */
    static List<Column<TaskView>> tasks(Supplier<ClusterState> state, DateTimeFormatter time) {
        return List.of(
                new Column<>("Task ID", 150, task -> task.key().taskId()),
                new Column<>("Name", 130, TaskView::name),
                new Column<>("Framework", 170, task -> state.get().frameworkName(task.key().frameworkId())),
                new Column<>("Agent", 130, task -> state.get().hostname(task.agentId())),
                new Column<>("State", 110, task -> label(task.state())),
                new Column<>("Role", 80, TaskView::role),
                new Column<>("Resources", 230, task -> ResourceFormat.amounts(task.resources())),
                new Column<>("Last update", 100, task -> lastUpdate(task, time)));
    }

    /** A task's status updates, oldest first. */
    static List<Column<TaskStatus>> statuses(DateTimeFormatter time) {
        return List.of(
                new Column<>("Time", 95, status -> status.hasTimestamp() ? time.format(instant(status.getTimestamp()))
                        : ""),
                new Column<>("State", 95, status -> label(status.getState())),
                new Column<>("Source", 70, status -> status.hasSource() ? words(status.getSource().name(),
                        "SOURCE_") : ""),
                new Column<>("Reason", 150, status -> status.hasReason() ? words(status.getReason().name(),
                        "REASON_") : ""),
                new Column<>("Message", 240, status -> status.getMessage().lines().findFirst().orElse("")),
                new Column<>("Healthy", 60, status -> status.hasHealthy() ? (status.getHealthy() ? "yes" : "no")
                        : ""));
    }

    /** {@code running} for {@code TASK_RUNNING}. */
    static String label(TaskState state) {
        return words(state.name(), "TASK_");
    }

    /** Times of day with milliseconds ({@code 10:42:13.250}) in {@code zone}. */
    static DateTimeFormatter time(ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(zone);
    }

    private static String lastUpdate(TaskView task, DateTimeFormatter time) {
        int count = task.task().getStatusesCount();
        if (count == 0) {
            return "";
        }
        TaskStatus last = task.task().getStatuses(count - 1);
        return last.hasTimestamp() ? time.format(instant(last.getTimestamp())) : "";
    }

    private static Instant instant(double seconds) {
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    /** {@code agent removed} for {@code REASON_AGENT_REMOVED} with prefix {@code REASON_}. */
    private static String words(String constant, String prefix) {
        String name = constant.startsWith(prefix) ? constant.substring(prefix.length()) : constant;
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
