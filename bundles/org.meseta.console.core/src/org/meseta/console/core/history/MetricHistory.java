package org.meseta.console.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.apache.mesos.v1.Protos.TaskState;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.RoleView;
import org.meseta.console.core.model.TaskView;

/**
 * The figures of the Metrics view over time, one series per line of each {@link MetricChart}, all taken from the
 * model the event streams keep (nothing is polled from the master): what is allocated per role (the offer stream's
 * role view; without one, the roles of the running tasks), offers per second, tasks by state, tasks that ended per
 * minute, agents by state.
 *
 * <p>{@link #observe} takes in every change (offer events and tasks that ended are counted as they come);
 * {@link #sample} adds a point to every series at a fixed interval from the latest state and the counts. Rates are
 * averaged, so that they read as rates rather than as spikes of single events: offers per second over the last
 * {@value #OFFER_SPAN_SECONDS} seconds, tasks ended per minute over the last minute (over the time since the first
 * sample while that is shorter). Each series keeps at most {@code capacity} points. A series appears with its first
 * non-zero value (a role, a state) and then gets a point at every sample.
 *
 * <p>Pure and not thread-safe: a view keeps one on its UI thread.
 */
public final class MetricHistory {

    /** The live task states charted, in their order. */
    static final List<TaskState> LIVE_STATES = List.of(TaskState.TASK_STAGING, TaskState.TASK_STARTING,
            TaskState.TASK_RUNNING, TaskState.TASK_KILLING, TaskState.TASK_UNREACHABLE);
    private static final String OTHER = "other";
    static final int OFFER_SPAN_SECONDS = 5;
    private static final Duration OFFER_SPAN = Duration.ofSeconds(OFFER_SPAN_SECONDS);
    private static final Duration ENDED_SPAN = Duration.ofMinutes(1);

    private final int capacity;
    private final Map<MetricChart, Map<String, ArrayDeque<MetricSeries.Point>>> charts = new EnumMap<>(
            MetricChart.class);
    /** Counted since the last sample. */
    private final Map<String, Integer> offers = new LinkedHashMap<>();
    private final Map<String, Integer> ended = new LinkedHashMap<>();
    /** What was counted between samples, newest last, as far back as the rates average. */
    private final ArrayDeque<Counts> offerCounts = new ArrayDeque<>();
    private final ArrayDeque<Counts> endedCounts = new ArrayDeque<>();
    /** The last ended task already counted (the newest of the model's completed tasks). */
    private TaskView lastEnded;
    private Instant firstSample;

    /** What was counted up to a sample. */
    private record Counts(Instant time, Map<String, Integer> counts) {
    }

    /** @throws IllegalArgumentException if {@code capacity} is below 2 */
    public MetricHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("A chart needs at least two points, not " + capacity);
        }
        this.capacity = capacity;
        for (MetricChart chart : MetricChart.values()) {
            charts.put(chart, new LinkedHashMap<>());
        }
    }

    /** Counts the offer events of {@code change} and the tasks that ended with it (not those of a new snapshot). */
    public void observe(ClusterChange change) {
        change.offerEvents().forEach(event -> offers.merge(offerLabel(event.kind()), 1, Integer::sum));
        List<TaskView> completed = change.state().completedTasks();
        if (!change.reset()) {
            for (int i = completed.size() - 1; i >= 0 && completed.get(i) != lastEnded; i--) {
                ended.merge(endedLabel(completed.get(i).state()), 1, Integer::sum);
            }
        }
        lastEnded = completed.isEmpty() ? null : completed.get(completed.size() - 1);
    }

    /** Adds a point at {@code now} to every series, from {@code state} and what was counted since the last sample. */
    public void sample(ClusterState state, Instant now) {
        if (firstSample == null) {
            firstSample = now;
        }
        Map<String, Amounts> allocated = allocatedByRole(state);
        putAmounts(MetricChart.CPUS_BY_ROLE, now, allocated, Amounts::cpus);
        putAmounts(MetricChart.MEM_BY_ROLE, now, allocated, Amounts::memMb);
        Map<String, Double> perSecond = new LinkedHashMap<>();
        List.of("made", "accepted", "declined", "rescinded").forEach(label -> perSecond.put(label, 0.0));
        perSecond.putAll(rates(offerCounts, offers, now, OFFER_SPAN, 1));
        put(MetricChart.OFFERS_PER_SECOND, now, perSecond);
        put(MetricChart.TASKS_BY_STATE, now, liveTasks(state));
        put(MetricChart.TASKS_ENDED, now, rates(endedCounts, ended, now, ENDED_SPAN, 60));
        put(MetricChart.AGENTS_BY_STATE, now, agents(state));
        offers.clear();
        ended.clear();
    }

    /**
     * Adds {@code counted} to {@code past} and gives each label's count over the last {@code span} (or since the first
     * sample, while that is shorter) per {@code perSeconds} seconds.
     */
    private Map<String, Double> rates(ArrayDeque<Counts> past, Map<String, Integer> counted, Instant now,
            Duration span, int perSeconds) {
        past.addLast(new Counts(now, Map.copyOf(counted)));
        while (!past.isEmpty() && !past.peekFirst().time().isAfter(now.minus(span))) {
            past.removeFirst();
        }
        double seconds = Math.min(span.toMillis(), Duration.between(firstSample, now).toMillis()) / 1e3;
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Counts counts : past) {
            counts.counts().forEach((label, count) -> rates.merge(label, (double) count, Double::sum));
        }
        rates.replaceAll((label, total) -> seconds <= 0 ? 0 : total / seconds * perSeconds);
        return rates;
    }

    /** The series of {@code chart}, in the order they appeared, each oldest point first. */
    public List<MetricSeries> series(MetricChart chart) {
        List<MetricSeries> series = new ArrayList<>();
        charts.get(chart).forEach((name, points) -> series.add(new MetricSeries(name, new ArrayList<>(points))));
        return series;
    }

    /** Forgets every point and count (another master was chosen). */
    public void clear() {
        charts.values().forEach(Map::clear);
        offers.clear();
        ended.clear();
        offerCounts.clear();
        endedCounts.clear();
        lastEnded = null;
        firstSample = null;
    }

    private static String offerLabel(OfferEvent.Kind kind) {
        return switch (kind) {
            case CREATED -> "made";
            case ACCEPTED -> "accepted";
            case DECLINED -> "declined";
            case RESCINDED, TIMED_OUT -> "rescinded";
        };
    }

    /** What each role's tasks and executors hold: the offer stream's view, else the live tasks' resources. */
    private static Map<String, Amounts> allocatedByRole(ClusterState state) {
        Map<String, Amounts> allocated = new TreeMap<>();
        if (state.offersFollowed()) {
            for (RoleView role : state.roles()) {
                allocated.put(role.name(), role.allocated());
            }
        } else {
            for (AgentView agent : state.agents().values()) {
                for (TaskView task : agent.tasks()) {
                    allocated.merge(task.role(), task.resources(), Amounts::plus);
                }
            }
        }
        return allocated;
    }

    private static Map<String, Double> liveTasks(ClusterState state) {
        Map<String, Double> counts = new LinkedHashMap<>();
        LIVE_STATES.forEach(live -> counts.put(label(live), 0.0));
        for (AgentView agent : state.agents().values()) {
            for (TaskView task : agent.tasks()) {
                counts.merge(LIVE_STATES.contains(task.state()) ? label(task.state()) : OTHER, 1.0, Double::sum);
            }
        }
        return counts;
    }

    private static Map<String, Double> agents(ClusterState state) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (AgentState each : AgentState.values()) {
            counts.put(each.label(), 0.0);
        }
        state.agents().values().forEach(agent -> counts.merge(agent.state().label(), 1.0, Double::sum));
        return counts;
    }

    private static String endedLabel(TaskState state) {
        return switch (state) {
            case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_LOST -> label(state);
            case TASK_ERROR, TASK_DROPPED, TASK_GONE, TASK_GONE_BY_OPERATOR, TASK_STAGING, TASK_STARTING,
                    TASK_RUNNING, TASK_KILLING, TASK_UNREACHABLE, TASK_UNKNOWN -> OTHER;
        };
    }

    /** {@code running} for {@code TASK_RUNNING}. */
    static String label(TaskState state) {
        return state.name().substring("TASK_".length()).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private void putAmounts(MetricChart chart, Instant now, Map<String, Amounts> amounts,
            ToDoubleFunction<Amounts> kind) {
        Map<String, Double> values = new LinkedHashMap<>();
        amounts.forEach((role, amount) -> values.put(role, kind.applyAsDouble(amount)));
        put(chart, now, values);
    }

    /**
     * Adds {@code values} as points at {@code now}: series that exist get their value (0 if none is given), a
     * series that does not exist yet appears with its first value that is not 0.
     */
    private void put(MetricChart chart, Instant now, Map<String, Double> values) {
        Map<String, ArrayDeque<MetricSeries.Point>> series = charts.get(chart);
        values.forEach((name, value) -> {
            if (value != 0) {
                series.computeIfAbsent(name, absent -> new ArrayDeque<>());
            }
        });
        series.forEach((name, points) -> {
            points.addLast(new MetricSeries.Point(now, values.getOrDefault(name, 0.0)));
            while (points.size() > capacity) {
                points.removeFirst();
            }
        });
    }
}
