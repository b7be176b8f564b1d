package org.meseta.console.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed in the cluster since the previous change a listener was told about, with the state after it. The
 * client coalesces the master's events: one change may stand for many events (a burst of task updates), and
 * listeners are told at most once per coalescing interval.
 *
 * <p>A view that keeps per-agent drawing state redraws exactly {@link #agents()}; when {@link #reset()} is true
 * it must forget everything it derived from earlier states and start over from {@link #state()}.
 *
 * @param state the cluster after the change
 * @param reset whether this replaces everything known before (a new snapshot: first contact, reconnection, another
 *        master, or the first change a new listener gets); the id sets then list everything in {@code state}
 * @param agents the ids of agents added or changed in any way (state, resources, tasks, offers)
 * @param tasks the tasks added, updated or ended
 * @param frameworks the ids of frameworks added, updated or removed
 * @param offerEvents what happened to offers, in the master's order
 * @param roles whether the role view changed
 */
public record ClusterChange(ClusterState state, boolean reset, Set<String> agents, Set<TaskKey> tasks,
        Set<String> frameworks, List<OfferEvent> offerEvents, boolean roles) {

    public ClusterChange {
        agents = Set.copyOf(agents);
        tasks = Set.copyOf(tasks);
        frameworks = Set.copyOf(frameworks);
        offerEvents = List.copyOf(offerEvents);
    }

    /**
     * This change followed by {@code later}, as one change: for a view that could not take this one in before the
     * next arrived. A reset on either side makes a reset to the later state; otherwise the names are united and the
     * offer events follow each other.
     */
    public ClusterChange then(ClusterChange later) {
        if (later.reset) {
            return later;
        }
        if (reset) {
            return resetTo(later.state);
        }
        return new ClusterChange(later.state, false, union(agents, later.agents), union(tasks, later.tasks),
                union(frameworks, later.frameworks), concat(offerEvents, later.offerEvents), roles || later.roles);
    }

    private static <T> Set<T> union(Set<T> first, Set<T> second) {
        Set<T> all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** A change that replaces everything with {@code state}, as a listener gets first. */
    public static ClusterChange resetTo(ClusterState state) {
        Set<TaskKey> tasks = new HashSet<>();
        state.agents().values().forEach(agent -> agent.tasks().forEach(task -> tasks.add(task.key())));
        return new ClusterChange(state, true, state.agents().keySet(), tasks, state.frameworks().keySet(), List.of(),
                true);
    }
}
