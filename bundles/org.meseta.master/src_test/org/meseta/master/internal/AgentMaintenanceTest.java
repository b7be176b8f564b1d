package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Duration;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.DrainState;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability.Type;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.json.JsonCodec;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.Ports;

/**
 * The operator calls that take agents out of service (DEACTIVATE_AGENT, REACTIVATE_AGENT, DRAIN_AGENT,
 * MARK_AGENT_GONE) over real HTTP in both encodings, with agents played on the agent link and frameworks on the
 * scheduler API.
 */
class AgentMaintenanceTest {

    private static final String[] FLAGS = {"--agent_ping_timeout=500ms", "--max_agent_ping_timeouts=4",
            "--allocation_interval=50ms"};

    /** Mesos's reason for the tasks and the shutdown of a gone agent. */
    private static final String GONE = "Agent has been marked gone";

    @TempDir
    Path workDir;

    private TestMaster master;
    private OperatorClient operator;

    @BeforeEach
    void startMaster() throws Exception {
        master = TestMaster.start(workDir, FLAGS);
        operator = new OperatorClient(master);
    }

    @AfterEach
    void stopMaster() {
        master.close();
    }

    private static Call deactivate(AgentID id) {
        return Call.newBuilder().setType(Call.Type.DEACTIVATE_AGENT)
                .setDeactivateAgent(Call.DeactivateAgent.newBuilder().setAgentId(id)).build();
    }

    private static Call reactivate(AgentID id) {
        return Call.newBuilder().setType(Call.Type.REACTIVATE_AGENT)
                .setReactivateAgent(Call.ReactivateAgent.newBuilder().setAgentId(id)).build();
    }

    private static Call drain(AgentID id, Optional<Duration> maxGracePeriod, boolean markGone) {
        Call.DrainAgent.Builder drain = Call.DrainAgent.newBuilder().setAgentId(id).setMarkGone(markGone);
        maxGracePeriod.ifPresent(drain::setMaxGracePeriod);
        return Call.newBuilder().setType(Call.Type.DRAIN_AGENT).setDrainAgent(drain).build();
    }

    private static Call markGone(AgentID id) {
        return Call.newBuilder().setType(Call.Type.MARK_AGENT_GONE)
                .setMarkAgentGone(Call.MarkAgentGone.newBuilder().setAgentId(id)).build();
    }

    private static AgentID agentId(String id) {
        return AgentID.newBuilder().setValue(id).build();
    }

    /** Makes the call as JSON, expecting 200 with an empty body. */
    private void done(Call call) throws Exception {
        var response = Http.post(master.uri("/api/v1"), JsonCodec.encodeToString(call), "Content-Type", Http.JSON);
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        assertEquals("", Http.text(response));
    }

    /** Makes the call in protobuf and in JSON; both must be refused with {@code status} and {@code reason}. */
    private void refused(Call call, int status, String reason) throws Exception {
        var protobuf = operator.raw(call);
        assertEquals(status, protobuf.statusCode(), () -> Http.text(protobuf));
        assertEquals(reason, Http.text(protobuf));
        var json = Http.post(master.uri("/api/v1"), JsonCodec.encodeToString(call), "Content-Type", Http.JSON);
        assertEquals(status, json.statusCode());
        assertEquals(reason, Http.text(json));
    }

    /** The agent of the next AGENT_REMOVED event, skipping the task and framework events before it. */
    private static AgentID agentRemoved(OperatorStream events) throws InterruptedException {
        org.apache.mesos.v1.master.Protos.Event event;
        do {
            event = events.next(LinkSession.WAIT);
        } while (event.getType() != org.apache.mesos.v1.master.Protos.Event.Type.AGENT_REMOVED);
        return event.getAgentRemoved().getAgentId();
    }

    private Response.GetAgents.Agent getAgent() throws Exception {
        return operator.both(OperatorClient.call(Call.Type.GET_AGENTS)).getGetAgents().getAgents(0);
    }

    @Test
    void aDeactivatedAgentKeepsItsTasksButNothingOfItIsOfferedUntilItIsReactivated() throws Exception {
        LinkSession agent = master.subscribe(LinkSession.subscription(null, Ports.free()));
        AgentID id = agent.registered().agentId();
        agent.answerPings(id);
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("f"));
        framework.subscribed();
        var offer = framework.next(Event.Type.OFFERS).getOffers().getOffers(0);

        done(deactivate(id));

        assertEquals(offer.getId(), framework.next(Event.Type.RESCIND).getRescind().getOfferId());
        Response.GetAgents.Agent entry = getAgent();
        assertTrue(entry.getDeactivated());
        assertFalse(entry.getActive());
        assertFalse(entry.hasDrainInfo());
        assertTrue(JsonTree.bool(master.slave(id.getValue()), "deactivated"));
        assertEquals(1, JsonTree.number(master.state(), "deactivated_slaves").intValue());
        assertTrue(framework.poll(java.time.Duration.ofMillis(300)).isEmpty(), "no offers while deactivated");

        done(reactivate(id));

        framework.next(Event.Type.OFFERS);
        assertTrue(getAgent().getActive());
        assertFalse(getAgent().getDeactivated());
    }

    @Test
    void agentCallsNameUnknownAgentsAndStatesThatDoNotAllowThem() throws Exception {
        LinkSession agent = master.subscribe(LinkSession.subscription(null, Ports.free()));
        AgentID id = agent.registered().agentId();
        agent.answerPings(id);
        AgentID unknown = agentId("no-such-agent");

        refused(deactivate(unknown), 400, "Unknown agent");
        refused(drain(unknown, Optional.empty(), false), 400, "Unknown agent");
        refused(reactivate(unknown), 400, "Agent is not deactivated");
        refused(reactivate(id), 400, "Agent is not deactivated");
        refused(markGone(unknown), 404, "Agent 'no-such-agent' not found");
        refused(Call.newBuilder().setType(Call.Type.DRAIN_AGENT).build(), 400,
                "Failed to validate master::Call: Expecting 'drain_agent' to be present");
        refused(Call.newBuilder().setType(Call.Type.MARK_AGENT_GONE).build(), 400,
                "Failed to validate master::Call: Expecting 'mark_agent_gone' to be present");
    }

    @Test
    void aDrainKillsTheTasksAndIsDrainedOnceTheirTerminalUpdatesAreAcknowledged() throws Exception {
        Launched launched = Launched.on(master, SchedulerSession.framework("drained"), "t1");
        AgentID id = launched.agentId();

        done(drain(id, Optional.of(Duration.newBuilder().setSeconds(2).build()), false));

        AgentEvent.Drain told = launched.agent().next(AgentEvent.Drain.class);
        assertEquals(2_000_000_000L, told.config().getMaxGracePeriod().getNanoseconds());
        assertFalse(told.config().getMarkGone());
        Response.GetAgents.Agent draining = getAgent();
        assertEquals(DrainState.DRAINING, draining.getDrainInfo().getState());
        assertTrue(draining.getDeactivated());
        assertTrue(draining.hasEstimatedDrainStartTime());
        assertEquals("DRAINING", JsonTree.string(JsonTree.object(master.slave(id.getValue()), "drain_info"),
                "state"));
        refused(reactivate(id), 400, "Agent is still in the DRAINING state");

        TaskStatus killed = launched.report(TaskState.TASK_KILLED);
        assertEquals(DrainState.DRAINING, getAgent().getDrainInfo().getState(), "until the update is acknowledged");
        launched.framework().accepted(Calls.acknowledge(killed));

        // One encoding while the state changes: the two answers of getAgent() may straddle the change.
        Eventually.await("the agent is DRAINED", () -> operator.json(OperatorClient.call(Call.Type.GET_AGENTS))
                .getGetAgents().getAgents(0).getDrainInfo().getState() == DrainState.DRAINED);
        done(reactivate(id));
        Response.GetAgents.Agent back = getAgent();
        assertFalse(back.hasDrainInfo());
        assertFalse(back.hasEstimatedDrainStartTime());
        assertTrue(back.getActive());
    }

    @Test
    void aDrainThatMarksGoneRemovesTheAgentOnceDrained() throws Exception {
        Launched launched = Launched.on(master, SchedulerSession.framework("gone"), "t1");
        OperatorStream events = master.operatorStream(Http.JSON);
        events.subscribed();

        done(drain(launched.agentId(), Optional.empty(), true));
        assertTrue(launched.agent().next(AgentEvent.Drain.class).config().getMarkGone());
        launched.framework().accepted(Calls.acknowledge(
                launched.report(TaskState.TASK_KILLED)));

        launched.agent().next(AgentEvent.Acknowledge.class);
        assertEquals(GONE, launched.agent().next(AgentEvent.Shutdown.class).message());
        assertEquals("end", launched.agent().awaitEnd(LinkSession.WAIT));
        assertEquals(launched.agentId(), agentRemoved(events));
        assertEquals(0, operator.both(OperatorClient.call(Call.Type.GET_AGENTS)).getGetAgents().getAgentsCount());
    }

    @Test
    void aGoneAgentsTasksAreGoneByOperatorAndTheAgentIsShutDownAndRefusedWhenItReturns() throws Exception {
        Launched launched = Launched.on(master, SchedulerSession.framework("aware", Type.PARTITION_AWARE), "t1");

        done(markGone(launched.agentId()));

        TaskStatus status = launched.framework().next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals(TaskState.TASK_GONE_BY_OPERATOR, status.getState());
        assertEquals(TaskStatus.Reason.REASON_AGENT_REMOVED_BY_OPERATOR, status.getReason());
        assertEquals(GONE, status.getMessage());
        assertEquals(launched.agentId(), launched.framework().next(Event.Type.FAILURE).getFailure().getAgentId());
        assertEquals(GONE, launched.agent().next(AgentEvent.Shutdown.class).message());
        assertEquals("end", launched.agent().awaitEnd(LinkSession.WAIT));
        assertEquals("TASK_GONE_BY_OPERATOR", JsonTree.string(JsonTree.objects(
                master.frameworkJson(launched.framework().id().getValue()), "completed_tasks").get(0), "state"));
        done(markGone(launched.agentId()));
        launched.framework().accepted(Calls.reconcile(Calls.reconcileTask("t1", launched.agentId().getValue())));
        TaskStatus reconciled = launched.framework().next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals(TaskState.TASK_GONE_BY_OPERATOR, reconciled.getState());
        assertEquals("Reconciliation: Task is gone", reconciled.getMessage());

        LinkSession returning = master.subscribe(LinkSession.subscription(launched.agentId().getValue(),
                Ports.free()));
        assertEquals(200, returning.status());
        assertEquals(GONE, returning.next(AgentEvent.Shutdown.class).message());
        assertEquals("end", returning.awaitEnd(LinkSession.WAIT));
        assertEquals(0, operator.both(OperatorClient.call(Call.Type.GET_AGENTS)).getGetAgents().getAgentsCount());
    }

    @Test
    void aPlainFrameworksTasksOnAGoneAgentAreLost() throws Exception {
        Launched launched = Launched.on(master, SchedulerSession.framework("plain"), "t1");

        done(markGone(launched.agentId()));

        TaskStatus status = launched.framework().next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals(TaskState.TASK_LOST, status.getState());
        assertEquals(TaskStatus.Reason.REASON_AGENT_REMOVED, status.getReason());
    }
}
