package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.testing.MetricValues.assertMetric;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.Protos.WeightInfo;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.master.internal.election.Election;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.LogCapture;
import org.meseta.testing.MetricValues;
import org.meseta.testing.Ports;

/**
 * The registry of a master without ZooKeeper (a file under its work_dir): what the operator decided and which agents
 * were admitted survive a restart of the master, as in Mesos's registrar tests.
 */
class RegistryRecoveryTest {

    @TempDir
    Path workDir;

    private TestMaster master;

    @AfterEach
    void stop() {
        if (master != null) {
            master.close();
        }
    }

    private void restart(String... flags) throws Exception {
        master.close();
        master = TestMaster.start(workDir, flags);
    }

    private Response call(Call call) throws Exception {
        return new OperatorClient(master).both(call);
    }

    private void accepted(Call call) throws Exception {
        var response = new OperatorClient(master).raw(call);
        assertEquals(200, response.statusCode(), () -> Http.text(response));
    }

    @Test
    void aMasterThatCannotWriteItsRegistryAnswers503WithTheReasonAndExits() throws Exception {
        master = TestMaster.start(workDir);
        Path registry = workDir.resolve(MasterDaemon.REGISTRY_DIR);
        // Not even root can write a file under a plain file. Nothing was written yet: there is no directory.
        Files.writeString(registry, "not a directory");

        try (LogCapture log = LogCapture.of(Election.class)) {
            var response = new OperatorClient(master).raw(Call.newBuilder().setType(Call.Type.UPDATE_WEIGHTS)
                    .setUpdateWeights(Call.UpdateWeights.newBuilder().addWeightInfos(WeightInfo.newBuilder()
                            .setRole("eng").setWeight(2))).build());

            assertEquals(503, response.statusCode(), () -> Http.text(response));
            assertTrue(Http.text(response).contains(registry.toString()), Http.text(response));
            assertEquals(1, master.exitStatus().toCompletableFuture().get(20, TimeUnit.SECONDS));
            assertTrue(log.messages().stream().anyMatch(line -> line.startsWith("Lost leadership")),
                    log.messages().toString());
        }
    }

    @Test
    void weightsAndQuotaSetAtRuntimeSurviveARestart() throws Exception {
        master = TestMaster.start(workDir, "--weights=ops=3");
        accepted(Call.newBuilder().setType(Call.Type.UPDATE_WEIGHTS).setUpdateWeights(Call.UpdateWeights.newBuilder()
                .addWeightInfos(WeightInfo.newBuilder().setRole("eng/web").setWeight(2.5))).build());
        QuotaConfig quota = QuotaConfig.newBuilder().setRole("eng")
                .putLimits("cpus", Value.Scalar.newBuilder().setValue(2).build()).build();
        accepted(Call.newBuilder().setType(Call.Type.UPDATE_QUOTA).setUpdateQuota(Call.UpdateQuota.newBuilder()
                .addQuotaConfigs(quota)).build());

        restart("--weights=ops=3");

        assertEquals(List.of(WeightInfo.newBuilder().setRole("eng/web").setWeight(2.5).build(),
                WeightInfo.newBuilder().setRole("ops").setWeight(3).build()),
                call(OperatorClient.call(Call.Type.GET_WEIGHTS)).getGetWeights().getWeightInfosList());
        assertEquals(List.of(quota), call(OperatorClient.call(Call.Type.GET_QUOTA)).getGetQuota().getStatus()
                .getConfigsList());
        assertTrue(Files.exists(workDir.resolve("registry/registry.bin")));
    }

    @Test
    void aGoneAgentIsRefusedAndADeactivatedOneStaysDeactivatedAfterARestart() throws Exception {
        master = TestMaster.start(workDir);
        AgentID gone = master.subscribe(LinkSession.subscription(null, Ports.free())).registered().agentId();
        int deactivatedPort = Ports.free();
        LinkSession deactivatedLink = master.subscribe(LinkSession.subscription(null, deactivatedPort));
        AgentID deactivated = deactivatedLink.registered().agentId();
        accepted(Call.newBuilder().setType(Call.Type.MARK_AGENT_GONE).setMarkAgentGone(Call.MarkAgentGone.newBuilder()
                .setAgentId(gone)).build());
        accepted(Call.newBuilder().setType(Call.Type.DEACTIVATE_AGENT).setDeactivateAgent(
                Call.DeactivateAgent.newBuilder().setAgentId(deactivated)).build());

        restart();

        LinkSession returning = master.subscribe(LinkSession.subscription(gone.getValue(), Ports.free()));
        assertEquals("Agent has been marked gone", returning.next(AgentEvent.Shutdown.class).message());
        master.subscribe(LinkSession.subscription(deactivated.getValue(), deactivatedPort)).registered();
        List<Response.GetAgents.Agent> agents = call(OperatorClient.call(Call.Type.GET_AGENTS)).getGetAgents()
                .getAgentsList();
        assertEquals(1, agents.size());
        assertEquals(deactivated, agents.get(0).getAgentInfo().getId());
        assertTrue(agents.get(0).getDeactivated(), "still deactivated");
    }

    @Test
    void getAgentsListsTheRecoveredAgentsUntilTheyReregister() throws Exception {
        master = TestMaster.start(workDir);
        int port = Ports.free();
        AgentID recovered = master.subscribe(LinkSession.subscription(null, port)).registered().agentId();

        restart();

        Response.GetAgents waiting = call(OperatorClient.call(Call.Type.GET_AGENTS)).getGetAgents();
        assertEquals(List.of(), waiting.getAgentsList());
        assertEquals(List.of(recovered), waiting.getRecoveredAgentsList().stream().map(AgentInfo::getId).toList());
        master.subscribe(LinkSession.subscription(recovered.getValue(), port)).registered();
        Response.GetAgents back = call(OperatorClient.call(Call.Type.GET_AGENTS)).getGetAgents();
        assertEquals(List.of(recovered), back.getAgentsList().stream().map(agent -> agent.getAgentInfo().getId())
                .toList());
        assertEquals(List.of(), back.getRecoveredAgentsList());
    }

    @Test
    void anAdmittedAgentThatDoesNotReregisterInTimeBecomesUnreachable() throws Exception {
        master = TestMaster.start(workDir);
        master.agent();

        restart("--agent_reregister_timeout=300ms");

        Eventually.await("the agent marked unreachable", () -> MetricValues.snapshot(master.uri("/metrics/snapshot"))
                .get("master/slaves_unreachable") == 1.0);
        assertMetric(MetricValues.snapshot(master.uri("/metrics/snapshot")), "master/slaves_connected", 0.0);
    }

    @Test
    void reconcilingATaskOfAnAgentExpectedToReregisterGetsNoAnswerUntilItIsMarkedUnreachable() throws Exception {
        master = TestMaster.start(workDir);
        AgentID recovered = master.subscribe(LinkSession.subscription(null, Ports.free())).registered().agentId();

        restart("--agent_reregister_timeout=1secs");
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("reconciler"));
        framework.subscribed();
        framework.accepted(Calls.reconcile(Calls.reconcileTask("t1", recovered.getValue())));
        framework.accepted(Calls.reconcile(Calls.reconcileTask("t2", "never-admitted")));

        TaskStatus first = framework.next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals("t2", first.getTaskId().getValue(), "no answer for the task of the recovered agent");
        Eventually.await("the agent marked unreachable", () -> MetricValues.snapshot(master.uri("/metrics/snapshot"))
                .get("master/slaves_unreachable") == 1.0);
        framework.accepted(Calls.reconcile(Calls.reconcileTask("t1", recovered.getValue())));
        TaskStatus unreachable = framework.next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals(TaskState.TASK_LOST, unreachable.getState());
        assertEquals("Reconciliation: Task is unreachable", unreachable.getMessage());
    }

    @Test
    void afterARestartTheTasksOfAnAgentTheRegistryListsComeBackSilentlyThoseOfAnUnknownOneWithAnUpdate()
            throws Exception {
        master = TestMaster.start(workDir);
        AgentSubscribe listed = LinkSession.subscription(null, Ports.free());
        AgentID listedId = master.subscribe(listed).registered().agentId();

        restart();
        FrameworkInfo info = SchedulerSession.framework("returning").toBuilder()
                .setId(FrameworkID.newBuilder().setValue("returning-framework")).build();
        SchedulerSession framework = master.framework(Http.JSON, info);
        framework.subscribed();
        master.subscribe(running(listed.agentInfo().toBuilder().setId(listedId).build(), listed.pid(), info, "t1"))
                .registered();
        AgentSubscribe unknown = LinkSession.subscription("unknown-to-the-registry", Ports.free());
        master.subscribe(running(unknown.agentInfo(), unknown.pid(), info, "t2")).registered();

        Event event;
        do {
            event = framework.next(SchedulerSession.WAIT);
        } while (event.getType() != Event.Type.UPDATE);
        TaskStatus told = event.getUpdate().getStatus();
        assertEquals("t2", told.getTaskId().getValue(), "no update for the task of the agent the registry lists");
        assertEquals(TaskState.TASK_RUNNING, told.getState());
        assertEquals(TaskStatus.Reason.REASON_AGENT_REREGISTERED, told.getReason());
        assertEquals("Unknown agent reregistered", told.getMessage());
        assertMetric(MetricValues.snapshot(master.uri("/metrics/snapshot")), "master/tasks_running", 2.0);
    }

    /** The subscription of an agent that runs one task of {@code framework}. */
    private static AgentSubscribe running(AgentInfo agent, String pid, FrameworkInfo framework, String taskId) {
        Task task = Task.newBuilder().setName(taskId).setTaskId(TaskID.newBuilder().setValue(taskId))
                .setFrameworkId(framework.getId()).setAgentId(agent.getId()).setState(TaskState.TASK_RUNNING)
                .build();
        return new AgentSubscribe(agent, pid, "1.11.0", List.of(framework), List.of(), List.of(task));
    }

    @Test
    void tooManyAgentsMissingAfterARestartMakeTheMasterExitRatherThanRemoveThem() throws Exception {
        master = TestMaster.start(workDir);
        master.agent();

        restart("--agent_reregister_timeout=300ms", "--recovery_agent_removal_limit=0%");

        assertEquals(1, master.exitStatus().toCompletableFuture().get(10, TimeUnit.SECONDS));
    }
}
