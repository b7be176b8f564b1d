package org.meseta.console.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.console.core.ClusterEvents.agent;
import static org.meseta.console.core.ClusterEvents.agentAdded;
import static org.meseta.console.core.ClusterEvents.agentRemoved;
import static org.meseta.console.core.ClusterEvents.framework;
import static org.meseta.console.core.ClusterEvents.offer;
import static org.meseta.console.core.ClusterEvents.reserved;
import static org.meseta.console.core.ClusterEvents.resources;
import static org.meseta.console.core.ClusterEvents.scalar;
import static org.meseta.console.core.ClusterEvents.subscribed;
import static org.meseta.console.core.ClusterEvents.task;
import static org.meseta.console.core.ClusterEvents.taskAdded;
import static org.meseta.console.core.ClusterEvents.taskUpdated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.DrainConfig;
import org.apache.mesos.v1.Protos.DrainInfo;
import org.apache.mesos.v1.Protos.DrainState;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.Test;
import org.meseta.console.core.ClusterEvents;
import org.meseta.console.core.model.AgentResources;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.ResourceKind;
import org.meseta.console.core.model.RoleView;
import org.meseta.console.core.model.TaskKey;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.core.model.Usage;

/** The event-applying model on its own: events in, published states and changes out; no threads, no network. */
class LiveClusterTest {

    private static final String FW = "F-0000";
    private final LiveCluster model = new LiveCluster(3);

    /** Two agents, S0 (4 cpus, rack r1) running T1, and S1 (2 cpus, 1 cpu statically reserved to "web"). */
    private ClusterChange twoAgentsWithOneTask() {
        GetAgents.Agent s0 = agent("S0", "node-a", resources(4, 1024, 2048), List.of(scalar("cpus", 1.5),
                scalar("mem", 256)), "rack:r1;zone:a");
        List<Resource> s1Total = List.of(scalar("cpus", 1), reserved("cpus", 1, "web"), scalar("mem", 512));
        GetAgents.Agent s1 = agent("S1", "node-b", s1Total, List.of(), "");
        model.apply(subscribed(List.of(s0, s1), List.of(task(FW, "T1", "S0", TaskState.TASK_RUNNING, 1, 128)),
                List.of(framework(FW, "batch", "*"))));
        return model.publish();
    }

    @Test
    void aSnapshotIsOneResetWithEveryAgentItsTasksAndItsResources() {
        ClusterChange change = twoAgentsWithOneTask();

        assertTrue(change.reset());
        assertEquals(Set.of("S0", "S1"), change.agents());
        assertEquals(Set.of(new TaskKey(FW, "T1")), change.tasks());
        AgentView s0 = change.state().agents().get("S0");
        assertEquals("node-a", s0.hostname());
        assertEquals(AgentState.ACTIVE, s0.state());
        assertEquals(Map.of("rack", "r1", "zone", "a"), s0.attributes());
        assertEquals("rack:r1;zone:a", s0.attributesText());
        assertEquals(List.of("T1"), s0.tasks().stream().map(task -> task.key().taskId()).toList());
        assertEquals(new Amounts(4, 1024, 2048, 100), s0.resources().total());
        assertEquals(new Amounts(1.5, 256, 0, 0), s0.resources().used(), "the task and its executor");
        assertEquals(Set.of("*"), s0.roles());
        AgentView s1 = change.state().agents().get("S1");
        assertEquals(new Usage(2, 0, 0, 1), s1.resources().usage(ResourceKind.CPUS));
        assertEquals(Set.of("web"), s1.roles());
        assertEquals(Set.of(FW), change.state().frameworks().keySet());
        assertEquals("batch", change.state().frameworks().get(FW).name());
        assertEquals(1, change.state().taskCount());
        assertFalse(model.hasChanges(), "publishing starts the changes over");
    }

    @Test
    void aLaunchedTaskAppearsInsideItsAgentAndCountsAsUsedUntilItEnds() {
        twoAgentsWithOneTask();

        model.apply(taskAdded(task(FW, "T2", "S1", TaskState.TASK_STAGING, 0.5, 64)));
        ClusterChange added = model.publish();

        assertFalse(added.reset());
        assertEquals(Set.of("S1"), added.agents());
        assertEquals(Set.of(new TaskKey(FW, "T2")), added.tasks());
        AgentView s1 = added.state().agents().get("S1");
        assertEquals(List.of(TaskState.TASK_STAGING), s1.tasks().stream().map(TaskView::state).toList());
        assertEquals(0.5, s1.resources().used().cpus());

        model.apply(taskUpdated(FW, "T2", "S1", TaskState.TASK_RUNNING));
        assertEquals(TaskState.TASK_RUNNING, model.publish().state().agents().get("S1").tasks().get(0).state());

        model.apply(taskUpdated(FW, "T2", "S1", TaskState.TASK_FINISHED));
        ClusterChange finished = model.publish();
        AgentView after = finished.state().agents().get("S1");
        assertEquals(List.of(), after.tasks());
        assertEquals(0, after.resources().used().cpus());
        TaskView completed = finished.state().completedTasks().get(0);
        assertEquals(TaskState.TASK_FINISHED, completed.state());
        assertEquals(List.of(TaskState.TASK_RUNNING, TaskState.TASK_FINISHED),
                completed.task().getStatusesList().stream().map(TaskStatus::getState).toList(),
                "the status history as the stream told it");
    }

    @Test
    void aBurstOfEventsIsOneChangeNamingEachChangedAgentOnceAndKeepingTheOthersAsTheyWere() {
        ClusterState before = twoAgentsWithOneTask().state();

        for (int i = 0; i < 50; i++) {
            model.apply(taskAdded(task(FW, "burst-" + i, "S0", TaskState.TASK_STAGING, 0.01, 1)));
            model.apply(taskUpdated(FW, "burst-" + i, "S0", TaskState.TASK_RUNNING));
        }
        ClusterChange change = model.publish();

        assertEquals(Set.of("S0"), change.agents());
        assertEquals(50, change.tasks().size());
        assertEquals(51, change.state().agents().get("S0").tasks().size());
        assertSame(before.agents().get("S1"), change.state().agents().get("S1"), "an unchanged agent is not rebuilt");
        assertSame(before.frameworks(), change.state().frameworks());
    }

    @Test
    void onlyTheMostRecentEndedTasksAreKept() {
        twoAgentsWithOneTask();
        for (int i = 0; i < 5; i++) {
            model.apply(taskAdded(task(FW, "short-" + i, "S1", TaskState.TASK_RUNNING, 0.1, 1)));
            model.apply(taskUpdated(FW, "short-" + i, "S1", TaskState.TASK_FAILED));
        }

        List<TaskView> completed = model.publish().state().completedTasks();

        assertEquals(List.of("short-2", "short-3", "short-4"), completed.stream().map(t -> t.key().taskId()).toList());
    }

    @Test
    void anUpdateOfATaskTheModelDoesNotKnowChangesNothing() {
        twoAgentsWithOneTask();

        model.apply(taskUpdated(FW, "never-launched", "S0", TaskState.TASK_RUNNING));

        assertFalse(model.hasChanges());
    }

    @Test
    void aRemovedAgentStaysUnreachableWithItsUnreachableTasksUntilItIsAddedAgain() {
        twoAgentsWithOneTask();

        model.apply(taskUpdated(FW, "T1", "S0", TaskState.TASK_UNREACHABLE, TaskStatus.Reason.REASON_AGENT_REMOVED));
        model.apply(agentRemoved("S0"));
        AgentView removed = model.publish().state().agents().get("S0");

        assertEquals(AgentState.UNREACHABLE, removed.state());
        assertFalse(removed.state().isAdmitted());
        assertEquals(List.of(TaskState.TASK_UNREACHABLE), removed.tasks().stream().map(TaskView::state).toList());

        model.apply(agentAdded(agent("S0", 4)));
        model.apply(taskUpdated(FW, "T1", "S0", TaskState.TASK_RUNNING));
        AgentView back = model.publish().state().agents().get("S0");
        assertEquals(AgentState.ACTIVE, back.state());
        assertEquals(List.of(TaskState.TASK_RUNNING), back.tasks().stream().map(TaskView::state).toList());
    }

    @Test
    void anAgentWhoseTasksTheOperatorRemovedIsGone() {
        twoAgentsWithOneTask();

        model.apply(taskUpdated(FW, "T1", "S0", TaskState.TASK_GONE_BY_OPERATOR,
                TaskStatus.Reason.REASON_AGENT_REMOVED_BY_OPERATOR));
        model.apply(agentRemoved("S0"));

        assertEquals(AgentState.GONE, model.publish().state().agents().get("S0").state());
    }

    @Test
    void drainingDeactivatedDisconnectedAndRecoveredAgentsAreToldApart() {
        GetAgents.Agent draining = agent("D", 1).toBuilder().setDeactivated(true)
                .setDrainInfo(drainInfo(DrainState.DRAINING)).build();
        GetAgents.Agent drained = agent("E", 1).toBuilder().setDeactivated(true)
                .setDrainInfo(drainInfo(DrainState.DRAINED)).build();
        GetAgents.Agent deactivated = agent("F", 1).toBuilder().setActive(false).setDeactivated(true).build();
        GetAgents.Agent disconnected = agent("G", 1).toBuilder().setActive(false).build();
        model.apply(subscribed(List.of(draining, drained, deactivated, disconnected), List.of(), List.of()));
        model.publish();
        model.apply(agentAdded(agent("H", 1)));

        Map<String, AgentView> agents = model.publish().state().agents();

        assertEquals(AgentState.DRAINING, agents.get("D").state());
        assertEquals(AgentState.DRAINED, agents.get("E").state());
        assertEquals(AgentState.DEACTIVATED, agents.get("F").state());
        assertEquals(AgentState.DISCONNECTED, agents.get("G").state());
        assertEquals(AgentState.ACTIVE, agents.get("H").state());
    }

    private static DrainInfo drainInfo(DrainState state) {
        return DrainInfo.newBuilder().setState(state).setConfig(DrainConfig.newBuilder().setMarkGone(false)).build();
    }

    @Test
    void anAgentTheMasterOnlyRecoveredIsDisconnectedWithItsAdvertisedResources() {
        GetState.Builder state = subscribed(List.of(), List.of(), List.of()).getSubscribed().getGetState().toBuilder();
        state.getGetAgentsBuilder().addRecoveredAgents(AgentInfo.newBuilder().setHostname("old")
                .setId(AgentID.newBuilder().setValue("R")).addAllResources(resources(8, 1, 1)));
        model.reset(state.build());

        AgentView recovered = model.publish().state().agents().get("R");

        assertEquals(AgentState.DISCONNECTED, recovered.state());
        assertEquals(8, recovered.resources().total().cpus());
        assertTrue(recovered.details().isEmpty());
    }

    @Test
    void offersFromTheOfferStreamAreOfferedResourcesOfTheirAgentAndEachEndIsAnEvent() {
        twoAgentsWithOneTask();
        model.apply(new OfferRecord.Subscribed(List.of(offer("O1", FW, "S0", "*", 2.5, 512)),
                List.of(new RoleView("*", 1, 0.4, List.of(FW), Amounts.NONE, Amounts.NONE, Amounts.NONE))));
        ClusterChange subscribed = model.publish();

        assertTrue(subscribed.state().offersFollowed());
        assertEquals(Set.of("S0"), subscribed.agents());
        assertEquals(List.of(), subscribed.offerEvents(), "offers outstanding at subscription did not just happen");
        assertEquals(new Usage(4, 1.5, 2.5, 0), subscribed.state().agents().get("S0").resources()
                .usage(ResourceKind.CPUS));
        assertTrue(subscribed.roles());
        assertEquals(List.of("*"), subscribed.state().roles().stream().map(RoleView::name).toList());

        model.apply(new OfferRecord.Created(offer("O2", FW, "S1", "*", 1, 100)));
        model.apply(new OfferRecord.Ended(OfferEvent.Kind.DECLINED, "O1", FW, "S0", "*", OptionalDouble.of(5)));
        model.apply(new OfferRecord.Ended(OfferEvent.Kind.RESCINDED, "O9", FW, "S1", "*", OptionalDouble.empty()));
        ClusterChange changed = model.publish();

        assertEquals(Set.of("S0", "S1"), changed.agents());
        assertEquals(Set.of("O2"), changed.state().offers().keySet());
        assertEquals(0, changed.state().agents().get("S0").resources().offered().cpus());
        assertEquals(List.of(
                new OfferEvent(OfferEvent.Kind.CREATED, "O2", FW, "S1", "*", new Amounts(1, 100, 0, 0),
                        OptionalDouble.empty()),
                new OfferEvent(OfferEvent.Kind.DECLINED, "O1", FW, "S0", "*", new Amounts(2.5, 512, 0, 0),
                        OptionalDouble.of(5)),
                new OfferEvent(OfferEvent.Kind.RESCINDED, "O9", FW, "S1", "*", Amounts.NONE, OptionalDouble.empty())),
                changed.offerEvents());
        assertFalse(changed.roles());
    }

    @Test
    void aMasterWithoutTheOfferStreamIsFollowedWithoutOffers() {
        twoAgentsWithOneTask();
        model.apply(new OfferRecord.Created(offer("O1", FW, "S0", "*", 1, 1)));
        model.publish();

        model.offersUnavailable();
        ClusterState state = model.publish().state();

        assertFalse(state.offersFollowed());
        assertEquals(Map.of(), state.offers());
        assertEquals(AgentResources.NONE.offered(), state.agents().get("S0").resources().offered());
    }

    @Test
    void frameworksAreAddedUpdatedAndRemoved() {
        twoAgentsWithOneTask();

        model.apply(ClusterEvents.frameworkAdded(framework("F-2", "web", "web", "web/api")));
        assertEquals(List.of("web", "web/api"), model.publish().state().frameworks().get("F-2").roles());

        model.apply(ClusterEvents.frameworkUpdated(framework("F-2", "web").toBuilder().setConnected(false).build()));
        ClusterChange updated = model.publish();
        assertEquals(Set.of("F-2"), updated.frameworks());
        assertFalse(updated.state().frameworks().get("F-2").connected());

        model.apply(ClusterEvents.frameworkRemoved(framework("F-2", "web")));
        assertEquals(Set.of(FW), model.publish().state().frameworks().keySet());
    }

    @Test
    void clearingPublishesAnEmptyReset() {
        twoAgentsWithOneTask();

        model.clear();
        ClusterChange cleared = model.publish();

        assertTrue(cleared.reset());
        assertEquals(ClusterState.EMPTY, cleared.state());
    }

    @Test
    void aNewSnapshotReplacesEverythingEvenAgentsThatLeft() {
        twoAgentsWithOneTask();
        model.apply(agentRemoved("S1"));
        model.publish();

        List<GetAgents.Agent> agents = new ArrayList<>();
        agents.add(agent("S0", 4));
        model.apply(subscribed(agents, List.of(), List.of()));
        ClusterChange change = model.publish();

        assertTrue(change.reset());
        assertEquals(Set.of("S0"), change.state().agents().keySet());
        assertEquals(0, change.state().taskCount());
    }
}
