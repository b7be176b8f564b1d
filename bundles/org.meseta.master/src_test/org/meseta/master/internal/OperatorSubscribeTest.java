package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.master.internal.OperatorClient.call;

import java.nio.file.Path;
import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.testing.Http;
import org.meseta.testing.Ports;

/**
 * The master's operator event stream, {@code SUBSCRIBE} on {@code /api/v1}: SUBSCRIBED with the GET_STATE snapshot,
 * then the agent, framework and task events in the order the master makes the changes, in JSON and protobuf; the
 * subscriber limit, which closes the oldest stream as Mesos does; and subscribers that go away.
 */
class OperatorSubscribeTest {

    @TempDir
    Path workDir;

    private TestMaster master;

    private void start(String... flags) throws Exception {
        String[] all = new String[flags.length + 3];
        all[0] = "--agent_ping_timeout=500ms";
        all[1] = "--max_agent_ping_timeouts=4";
        all[2] = "--allocation_interval=50ms";
        System.arraycopy(flags, 0, all, 3, flags.length);
        master = TestMaster.start(workDir, all);
    }

    @AfterEach
    void stopMaster() {
        if (master != null) {
            master.close();
        }
    }

    @Test
    void subscribedCarriesTheGetStateSnapshotAndTheHeartbeatInterval() throws Exception {
        start();
        Launched launched = Launched.on(master, SchedulerSession.framework("snap"), "t1");
        launched.report(TaskState.TASK_RUNNING);

        for (String mediaType : new String[] {Http.JSON, Http.PROTOBUF}) {
            OperatorStream operator = master.operatorStream(mediaType);
            Event.Subscribed subscribed = operator.subscribed();

            assertEquals(15.0, subscribed.getHeartbeatIntervalSeconds());
            Response.GetState state = subscribed.getGetState();
            assertEquals(new OperatorClient(master).protobuf(call(Call.Type.GET_STATE)).getGetState(), state,
                    mediaType);
            assertEquals(launched.agentId(), state.getGetAgents().getAgents(0).getAgentInfo().getId());
            assertEquals(launched.framework().id(),
                    state.getGetFrameworks().getFrameworks(0).getFrameworkInfo().getId());
            assertEquals(TaskState.TASK_RUNNING, state.getGetTasks().getTasks(0).getState());
            assertEquals(List.of(), operator.problems());
        }
    }

    @Test
    void eventsFollowAnAgentAFrameworkAndATaskInJson() throws Exception {
        assertLifeEvents(Http.JSON);
    }

    @Test
    void eventsFollowAnAgentAFrameworkAndATaskInProtobuf() throws Exception {
        assertLifeEvents(Http.PROTOBUF);
    }

    /**
     * An agent registers, a framework subscribes and runs a task to completion, is torn down, and the agent becomes
     * unreachable: each change is one event, in that order.
     */
    private void assertLifeEvents(String mediaType) throws Exception {
        start();
        OperatorStream operator = master.operatorStream(mediaType);
        Response.GetState empty = operator.subscribed().getGetState();
        assertEquals(0, empty.getGetAgents().getAgentsCount());
        assertEquals(0, empty.getGetFrameworks().getFrameworksCount());

        Launched launched = Launched.on(master, SchedulerSession.framework("life"), "t1");

        Event.AgentAdded agent = operator.next(Event.Type.AGENT_ADDED).getAgentAdded();
        assertEquals(launched.agentId(), agent.getAgent().getAgentInfo().getId());
        assertTrue(agent.getAgent().getActive());
        assertEquals(4, agent.getAgent().getTotalResourcesCount(), "cpus, mem, disk and ports");
        Event.FrameworkAdded framework = operator.next(Event.Type.FRAMEWORK_ADDED).getFrameworkAdded();
        assertEquals(launched.framework().id(), framework.getFramework().getFrameworkInfo().getId());
        assertEquals("life", framework.getFramework().getFrameworkInfo().getName());
        assertTrue(framework.getFramework().getConnected());
        Event.TaskAdded added = operator.next(Event.Type.TASK_ADDED).getTaskAdded();
        assertEquals("t1", added.getTask().getTaskId().getValue());
        assertEquals(TaskState.TASK_STAGING, added.getTask().getState());
        assertEquals(launched.agentId(), added.getTask().getAgentId());

        launched.report(TaskState.TASK_RUNNING);
        assertTaskUpdated(operator.next(Event.Type.TASK_UPDATED).getTaskUpdated(), launched, TaskState.TASK_RUNNING);
        launched.report(TaskState.TASK_FINISHED);
        assertTaskUpdated(operator.next(Event.Type.TASK_UPDATED).getTaskUpdated(), launched,
                TaskState.TASK_FINISHED);

        launched.framework().accepted(org.apache.mesos.v1.scheduler.Protos.Call.newBuilder()
                .setType(org.apache.mesos.v1.scheduler.Protos.Call.Type.TEARDOWN));
        Event.FrameworkRemoved removed = operator.next(Event.Type.FRAMEWORK_REMOVED).getFrameworkRemoved();
        assertEquals(launched.framework().id(), removed.getFrameworkInfo().getId());

        launched.agent().stopAnsweringPings();
        assertEquals(launched.agentId(), operator.next(Event.Type.AGENT_REMOVED).getAgentRemoved().getAgentId());
        assertEquals(List.of(), operator.problems());
    }

    private static void assertTaskUpdated(Event.TaskUpdated updated, Launched launched, TaskState state) {
        assertEquals(launched.framework().id(), updated.getFrameworkId());
        assertEquals(state, updated.getState());
        assertEquals(state, updated.getStatus().getState());
        assertEquals("t1", updated.getStatus().getTaskId().getValue());
        assertEquals(launched.agentId(), updated.getStatus().getAgentId());
    }

    @Test
    void aFrameworkThatGoesAwayIsUpdatedThenItsTaskKilledThenRemoved() throws Exception {
        start();
        OperatorStream operator = master.operatorStream(Http.JSON);
        operator.subscribed();
        Launched launched = Launched.on(master, SchedulerSession.framework("gone"), "t1");
        operator.next(Event.Type.AGENT_ADDED);
        operator.next(Event.Type.FRAMEWORK_ADDED);
        operator.next(Event.Type.TASK_ADDED);

        launched.framework().close(); // failover_timeout 0: removed as soon as it is disconnected

        Event.FrameworkUpdated updated = operator.next(Event.Type.FRAMEWORK_UPDATED).getFrameworkUpdated();
        assertFalse(updated.getFramework().getConnected());
        assertFalse(updated.getFramework().getActive());
        Event.TaskUpdated killed = operator.next(Event.Type.TASK_UPDATED).getTaskUpdated();
        assertEquals(TaskState.TASK_KILLED, killed.getState());
        assertEquals(launched.framework().id(), operator.next(Event.Type.FRAMEWORK_REMOVED).getFrameworkRemoved()
                .getFrameworkInfo().getId());
    }

    @Test
    void anUnreachableAgentsTasksAreUpdatedBeforeTheAgentIsRemoved() throws Exception {
        start();
        Launched launched = Launched.on(master, SchedulerSession.framework("lost"), "t1");
        OperatorStream operator = master.operatorStream(Http.PROTOBUF);
        operator.subscribed();

        launched.agent().stopAnsweringPings();

        Event.TaskUpdated lost = operator.next(Event.Type.TASK_UPDATED).getTaskUpdated();
        assertEquals(TaskState.TASK_LOST, lost.getState());
        assertEquals(launched.agentId(), operator.next(Event.Type.AGENT_REMOVED).getAgentRemoved().getAgentId());
    }

    @Test
    void aResubscribingFrameworkIsUpdatedNotAdded() throws Exception {
        start();
        FrameworkInfo info = SchedulerSession.framework("back").toBuilder().setFailoverTimeout(60).build();
        SchedulerSession first = master.framework(Http.JSON, info);
        first.subscribed();
        OperatorStream operator = master.operatorStream(Http.JSON);
        operator.subscribed();

        SchedulerSession second = master.framework(Http.JSON, info.toBuilder().setId(first.id()).build());
        second.subscribed();

        Event.FrameworkUpdated updated = operator.next(Event.Type.FRAMEWORK_UPDATED).getFrameworkUpdated();
        assertEquals(first.id(), updated.getFramework().getFrameworkInfo().getId());
        assertTrue(updated.getFramework().getConnected());
    }

    @Test
    void aNewSubscriberBeyondTheLimitClosesTheOldestStream() throws Exception {
        start("--max_operator_event_stream_subscribers=2");
        OperatorStream oldest = master.operatorStream(Http.JSON);
        oldest.subscribed();
        OperatorStream middle = master.operatorStream(Http.PROTOBUF);
        middle.subscribed();

        OperatorStream newest = master.operatorStream(Http.JSON);
        newest.subscribed();

        assertEquals("end", oldest.awaitEnd());
        LinkSession agent = master.subscribe(LinkSession.subscription(null, Ports.free()));
        AgentID id = agent.registered().agentId();
        assertEquals(id, middle.next(Event.Type.AGENT_ADDED).getAgentAdded().getAgent().getAgentInfo().getId());
        assertEquals(id, newest.next(Event.Type.AGENT_ADDED).getAgentAdded().getAgent().getAgentInfo().getId());
        assertFalse(middle.isEnded());
    }

    @Test
    void aSubscriberThatGoesAwayIsDroppedAndTheMasterKeepsWorking() throws Exception {
        start("--max_operator_event_stream_subscribers=1");
        OperatorStream leaving = master.operatorStream(Http.JSON);
        leaving.subscribed();

        leaving.close();
        LinkSession agent = master.subscribe(LinkSession.subscription(null, Ports.free()));
        AgentID id = agent.registered().agentId();

        OperatorStream next = master.operatorStream(Http.JSON);
        assertEquals(id, next.subscribed().getGetState().getGetAgents().getAgents(0).getAgentInfo().getId());
        assertEquals(200, new OperatorClient(master).raw(call(Call.Type.GET_HEALTH)).statusCode());
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(Exception.class,
                () -> start("--max_operator_event_stream_subscribers=0"));
    }
}
