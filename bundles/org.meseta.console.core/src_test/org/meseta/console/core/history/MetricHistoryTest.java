package org.meseta.console.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.Test;
import org.meseta.console.core.model.AgentResources;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.RoleView;
import org.meseta.console.core.model.TaskKey;
import org.meseta.console.core.model.TaskView;

class MetricHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

    private static TaskView task(String id, TaskState state, String role, double cpus) {
        return new TaskView(new TaskKey("F", id), id, "S0", state, role, new Amounts(cpus, 64, 0, 0),
                Task.getDefaultInstance());
    }

    private static AgentView agent(String id, AgentState state, List<TaskView> tasks) {
        return new AgentView(id, id, state, Map.of(), "", Set.of(), AgentResources.NONE, tasks, Optional.empty());
    }

    private static ClusterState state(List<AgentView> agents, List<RoleView> roles, List<TaskView> completed,
            boolean offersFollowed) {
        Map<String, AgentView> byId = new LinkedHashMap<>();
        agents.forEach(agent -> byId.put(agent.id(), agent));
        return new ClusterState(byId, Map.of(), Map.of(), roles, completed, offersFollowed);
    }

    private static ClusterChange change(ClusterState state, OfferEvent... events) {
        return new ClusterChange(state, false, Set.of(), Set.of(), Set.of(), List.of(events), false);
    }

    private static OfferEvent offer(OfferEvent.Kind kind) {
        return new OfferEvent(kind, "O", "F", "S0", "*", Amounts.NONE, OptionalDouble.empty());
    }

    private static List<Double> values(MetricHistory history, MetricChart chart, String name) {
        return history.series(chart).stream().filter(series -> series.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + name + " in " + history.series(chart)))
                .points().stream().map(MetricSeries.Point::value).toList();
    }

    @Test
    void offersAreCountedPerSecondOverTheLastFewSeconds() {
        MetricHistory history = new MetricHistory(10);
        ClusterState empty = state(List.of(), List.of(), List.of(), true);
        history.sample(empty, T0);

        history.observe(change(empty, offer(OfferEvent.Kind.CREATED), offer(OfferEvent.Kind.CREATED),
                offer(OfferEvent.Kind.DECLINED), offer(OfferEvent.Kind.TIMED_OUT)));
        history.observe(change(empty, offer(OfferEvent.Kind.CREATED), offer(OfferEvent.Kind.RESCINDED)));
        history.sample(empty, T0.plusSeconds(2));
        history.sample(empty, T0.plusSeconds(4));
        history.sample(empty, T0.plusSeconds(8));

        // Averaged over the last five seconds (the time since the first sample while that is shorter).
        assertEquals(List.of(1.5, 0.75, 0.0), values(history, MetricChart.OFFERS_PER_SECOND, "made"));
        assertEquals(List.of(0.5, 0.25, 0.0), values(history, MetricChart.OFFERS_PER_SECOND, "declined"));
        assertEquals(List.of(1.0, 0.5, 0.0), values(history, MetricChart.OFFERS_PER_SECOND, "rescinded"));
        assertEquals(List.of("made", "declined", "rescinded"), history.series(MetricChart.OFFERS_PER_SECOND)
                .stream().map(MetricSeries::name).toList(), "a series appears with its first value that is not 0");
    }

    @Test
    void allocationPerRoleComesFromTheRoleViewOrElseFromTheTasks() {
        MetricHistory history = new MetricHistory(10);
        RoleView web = new RoleView("web", 1, 0.2, List.of(), new Amounts(2, 1024, 0, 0), Amounts.NONE,
                Amounts.NONE);
        history.sample(state(List.of(), List.of(web), List.of(), true), T0);
        AgentView node = agent("S0", AgentState.ACTIVE, List.of(task("a", TaskState.TASK_RUNNING, "batch", 0.5),
                task("b", TaskState.TASK_RUNNING, "batch", 1)));
        history.sample(state(List.of(node), List.of(), List.of(), false), T0.plusSeconds(1));

        assertEquals(List.of(2.0, 0.0), values(history, MetricChart.CPUS_BY_ROLE, "web"));
        assertEquals(List.of(1024.0, 0.0), values(history, MetricChart.MEM_BY_ROLE, "web"));
        assertEquals(List.of(1.5), values(history, MetricChart.CPUS_BY_ROLE, "batch"));
    }

    @Test
    void tasksAndAgentsAreCountedByStateAndEndedTasksPerMinute() {
        MetricHistory history = new MetricHistory(10);
        List<TaskView> completed = new ArrayList<>(List.of(task("old", TaskState.TASK_FINISHED, "*", 1)));
        AgentView node = agent("S0", AgentState.ACTIVE, List.of(task("a", TaskState.TASK_RUNNING, "*", 1),
                task("b", TaskState.TASK_STAGING, "*", 1)));
        AgentView lost = agent("S1", AgentState.UNREACHABLE, List.of());
        ClusterState first = state(List.of(node, lost), List.of(), List.copyOf(completed), true);
        history.observe(ClusterChange.resetTo(first));
        history.sample(first, T0);

        completed.add(task("c", TaskState.TASK_FAILED, "*", 1));
        completed.add(task("d", TaskState.TASK_FINISHED, "*", 1));
        history.observe(change(state(List.of(node, lost), List.of(), List.copyOf(completed), true)));
        history.sample(first, T0.plusSeconds(30));

        assertEquals(List.of(1.0, 1.0), values(history, MetricChart.TASKS_BY_STATE, "running"));
        assertEquals(List.of(1.0, 1.0), values(history, MetricChart.TASKS_BY_STATE, "staging"));
        assertEquals(List.of(2.0), values(history, MetricChart.TASKS_ENDED, "finished"),
                "the snapshot's ended task is not counted; two a minute: one in 30 s");
        assertEquals(List.of(2.0), values(history, MetricChart.TASKS_ENDED, "failed"));
        assertEquals(List.of(1.0, 1.0), values(history, MetricChart.AGENTS_BY_STATE, "active"));
        assertEquals(List.of(1.0, 1.0), values(history, MetricChart.AGENTS_BY_STATE, "unreachable"));
    }

    @Test
    void eachSeriesKeepsItsLatestPointsOnly() {
        MetricHistory history = new MetricHistory(3);
        AgentView node = agent("S0", AgentState.ACTIVE, List.of());
        for (int i = 0; i < 5; i++) {
            history.sample(state(List.of(node), List.of(), List.of(), true), T0.plusSeconds(i));
        }

        List<MetricSeries.Point> points = history.series(MetricChart.AGENTS_BY_STATE).get(0).points();
        assertEquals(List.of(T0.plusSeconds(2), T0.plusSeconds(3), T0.plusSeconds(4)),
                points.stream().map(MetricSeries.Point::time).toList());

        history.clear();
        assertEquals(List.of(), history.series(MetricChart.AGENTS_BY_STATE));
    }
}
