package org.meseta.console.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.FrameworkView;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.OfferView;
import org.meseta.console.core.model.RoleView;
import org.meseta.console.core.model.TaskKey;
import org.meseta.console.core.model.TaskView;

/**
 * The cluster as a master's event streams describe it: reset from a snapshot ({@code SUBSCRIBED}), changed event
 * by event, and published on demand as an immutable {@link ClusterState} together with what changed since the
 * previous publication. Publishing costs a copy of the agent map plus a new view for each changed agent, whatever
 * the number of events behind it, which is what makes coalescing bursts cheap.
 *
 * <p>Pure: no I/O, no clock, no threads; not thread-safe (the client confines it to its own thread). Events are
 * applied as the master sent them; one that refers to something unknown (an update of a task the snapshot did not
 * have) changes nothing.
 */
public final class LiveCluster {

    /** How many ended tasks {@link ClusterState#completedTasks()} keeps by default. */
    public static final int COMPLETED_TASKS = 1000;

    private final int completedLimit;

    private final Map<String, AgentEntry> agents = new HashMap<>();
    /** Tasks that have not ended by agent id, oldest first; also for agents that are not (yet) known. */
    private final Map<String, Map<TaskKey, TaskView>> tasksByAgent = new HashMap<>();
    private final Map<TaskKey, TaskView> tasks = new HashMap<>();
    private final ArrayDeque<TaskView> completed = new ArrayDeque<>();
    private final Map<String, FrameworkView> frameworks = new HashMap<>();
    private final Map<String, OfferView> offers = new HashMap<>();
    private final Map<String, Map<String, OfferView>> offersByAgent = new HashMap<>();
    private List<RoleView> roles = List.of();
    private boolean offersFollowed;

    private boolean reset;
    private final Set<String> changedAgents = new HashSet<>();
    private final Set<TaskKey> changedTasks = new HashSet<>();
    private final Set<String> changedFrameworks = new HashSet<>();
    private final List<OfferEvent> offerEvents = new ArrayList<>();
    private boolean offersChanged;
    private boolean rolesChanged;
    private boolean completedChanged;

    private final Map<String, AgentView> views = new HashMap<>();
    private ClusterState published = ClusterState.EMPTY;

    /** An empty model keeping {@value #COMPLETED_TASKS} ended tasks. */
    public LiveCluster() {
        this(COMPLETED_TASKS);
    }

    /** An empty model keeping {@code completedLimit} ended tasks. */
    public LiveCluster(int completedLimit) {
        this.completedLimit = completedLimit;
    }

    /** Forgets everything: the next publication is an empty state that resets listeners. */
    public void clear() {
        agents.clear();
        tasksByAgent.clear();
        tasks.clear();
        completed.clear();
        frameworks.clear();
        clearOffers();
        roles = List.of();
        offersFollowed = false;
        reset = true;
    }

    /** Replaces everything with the master's snapshot (offers too: they come from the offer stream). */
    public void reset(Response.GetState state) {
        clear();
        Response.GetTasks snapshotTasks = state.getGetTasks();
        for (List<Task> list : List.of(snapshotTasks.getTasksList(), snapshotTasks.getUnreachableTasksList())) {
            list.forEach(task -> taskAdded(TaskView.of(task)));
        }
        snapshotTasks.getCompletedTasksList().forEach(task -> addCompleted(TaskView.of(task)));
        GetAgents snapshotAgents = state.getGetAgents();
        snapshotAgents.getAgentsList().forEach(this::agentAdded);
        snapshotAgents.getRecoveredAgentsList().forEach(info -> {
            AgentEntry entry = AgentEntry.recovered(info);
            agents.put(entry.id(), entry);
        });
        state.getGetFrameworks().getFrameworksList().forEach(this::frameworkChanged);
        changedAgents.clear();
        changedTasks.clear();
        changedFrameworks.clear();
    }

    /** Applies one event of the master's operator event stream. */
    public void apply(Event event) {
        switch (event.getType()) {
            case SUBSCRIBED -> reset(event.getSubscribed().getGetState());
            case TASK_ADDED -> taskAdded(TaskView.of(event.getTaskAdded().getTask()));
            case TASK_UPDATED -> taskUpdated(event.getTaskUpdated());
            case AGENT_ADDED -> agentAdded(event.getAgentAdded().getAgent());
            case AGENT_REMOVED -> agentRemoved(event.getAgentRemoved().getAgentId().getValue());
            case FRAMEWORK_ADDED -> frameworkChanged(event.getFrameworkAdded().getFramework());
            case FRAMEWORK_UPDATED -> frameworkChanged(event.getFrameworkUpdated().getFramework());
            case FRAMEWORK_REMOVED -> frameworkRemoved(event.getFrameworkRemoved().getFrameworkInfo().getId()
                    .getValue());
            case HEARTBEAT, UNKNOWN -> { }
        }
    }

    /** Applies one record of Meseta's offer stream. */
    void apply(OfferRecord record) {
        switch (record) {
            case OfferRecord.Subscribed subscribed -> {
                clearOffers();
                subscribed.offers().forEach(this::offerCreated);
                roles(subscribed.roles());
                if (!offersFollowed) {
                    offersFollowed = true;
                    offersChanged = true;
                }
            }
            case OfferRecord.Created created -> {
                OfferView offer = offerCreated(created.offer());
                offerEvents.add(new OfferEvent(OfferEvent.Kind.CREATED, offer.id(), offer.frameworkId(),
                        offer.agentId(), offer.role(), offer.resources(), OptionalDouble.empty()));
            }
            case OfferRecord.Ended ended -> offerEnded(ended);
            case OfferRecord.Roles changed -> roles(changed.roles());
            case OfferRecord.Heartbeat heartbeat -> { }
        }
    }

    /** The master has no offer stream (not a Meseta master): offers and roles stay empty. */
    public void offersUnavailable() {
        clearOffers();
        if (!roles.isEmpty()) {
            roles = List.of();
            rolesChanged = true;
        }
        offersFollowed = false;
        offersChanged = true;
    }

    /** Whether anything changed since the last {@link #publish()}. */
    public boolean hasChanges() {
        return reset || !changedAgents.isEmpty() || !changedTasks.isEmpty() || !changedFrameworks.isEmpty()
                || !offerEvents.isEmpty() || offersChanged || rolesChanged || completedChanged;
    }

    /** The state now and what changed since the last publication (which this starts over). */
    public ClusterChange publish() {
        if (reset) {
            views.clear();
            changedAgents.addAll(agents.keySet());
        }
        for (String id : changedAgents) {
            AgentEntry entry = agents.get(id);
            if (entry == null) {
                views.remove(id);
            } else {
                views.put(id, entry.view(tasksByAgent.getOrDefault(id, Map.of()).values(),
                        offersByAgent.getOrDefault(id, Map.of()).values()));
            }
        }
        boolean all = reset;
        published = new ClusterState(
                all || !changedAgents.isEmpty() ? views : published.agents(),
                all || !changedFrameworks.isEmpty() ? frameworks : published.frameworks(),
                all || offersChanged ? offers : published.offers(),
                roles,
                all || completedChanged ? List.copyOf(completed) : published.completedTasks(),
                offersFollowed);
        ClusterChange change = all ? ClusterChange.resetTo(published)
                : new ClusterChange(published, false, changedAgents, changedTasks, changedFrameworks, offerEvents,
                        rolesChanged);
        reset = false;
        changedAgents.clear();
        changedTasks.clear();
        changedFrameworks.clear();
        offerEvents.clear();
        offersChanged = false;
        rolesChanged = false;
        completedChanged = false;
        return change;
    }

    private void taskAdded(TaskView task) {
        if (task.isTerminal()) {
            addCompleted(task);
            return;
        }
        tasks.put(task.key(), task);
        tasksByAgent.computeIfAbsent(task.agentId(), agent -> new LinkedHashMap<>()).put(task.key(), task);
        changedTasks.add(task.key());
        changedAgents.add(task.agentId());
    }

    private void taskUpdated(Event.TaskUpdated update) {
        TaskStatus status = update.getStatus();
        TaskKey key = new TaskKey(update.getFrameworkId().getValue(), status.getTaskId().getValue());
        TaskView before = tasks.get(key);
        if (before == null) {
            return;
        }
        TaskView after = TaskView.of(before.task().toBuilder().setState(update.getState()).addStatuses(status)
                .build());
        if (status.getReason() == TaskStatus.Reason.REASON_AGENT_REMOVED_BY_OPERATOR
                || update.getState() == TaskState.TASK_GONE_BY_OPERATOR) {
            AgentEntry agent = agents.get(after.agentId());
            if (agent != null) {
                agent.markedGone();
            }
        }
        changedTasks.add(key);
        changedAgents.add(after.agentId());
        Map<TaskKey, TaskView> onAgent = tasksByAgent.get(after.agentId());
        if (after.isTerminal()) {
            tasks.remove(key);
            onAgent.remove(key);
            addCompleted(after);
        } else {
            tasks.put(key, after);
            onAgent.put(key, after);
        }
    }

    private void addCompleted(TaskView task) {
        completed.addLast(task);
        while (completed.size() > completedLimit) {
            completed.removeFirst();
        }
        completedChanged = true;
        changedTasks.add(task.key());
    }

    private void agentAdded(GetAgents.Agent agent) {
        String id = agent.getAgentInfo().getId().getValue();
        agents.put(id, AgentEntry.admitted(agent, tasksByAgent.getOrDefault(id, Map.of()).values()));
        changedAgents.add(id);
    }

    private void agentRemoved(String id) {
        AgentEntry entry = agents.get(id);
        if (entry != null) {
            entry.removed();
            changedAgents.add(id);
        }
    }

    private void frameworkChanged(GetFrameworks.Framework framework) {
        FrameworkView view = FrameworkView.of(framework);
        frameworks.put(view.id(), view);
        changedFrameworks.add(view.id());
    }

    private void frameworkRemoved(String id) {
        if (frameworks.remove(id) != null) {
            changedFrameworks.add(id);
        }
    }

    private OfferView offerCreated(Offer offer) {
        OfferView view = OfferView.of(offer);
        offers.put(view.id(), view);
        offersByAgent.computeIfAbsent(view.agentId(), agent -> new HashMap<>()).put(view.id(), view);
        changedAgents.add(view.agentId());
        offersChanged = true;
        return view;
    }

    private void offerEnded(OfferRecord.Ended ended) {
        OfferView offer = offers.remove(ended.offerId());
        if (offer != null) {
            Map<String, OfferView> ofAgent = offersByAgent.get(offer.agentId());
            ofAgent.remove(offer.id());
            if (ofAgent.isEmpty()) {
                offersByAgent.remove(offer.agentId());
            }
            changedAgents.add(offer.agentId());
            offersChanged = true;
        }
        offerEvents.add(new OfferEvent(ended.kind(), ended.offerId(), ended.frameworkId(), ended.agentId(),
                ended.role(), offer == null ? Amounts.NONE : offer.resources(),
                ended.refuseSeconds()));
    }

    private void clearOffers() {
        if (!offers.isEmpty()) {
            changedAgents.addAll(offersByAgent.keySet());
            offersChanged = true;
        }
        offers.clear();
        offersByAgent.clear();
    }

    private void roles(List<RoleView> newRoles) {
        List<RoleView> sorted = newRoles.stream().sorted(Comparator.comparing(RoleView::name)).toList();
        if (!sorted.equals(roles)) {
            roles = sorted;
            rolesChanged = true;
        }
    }
}
