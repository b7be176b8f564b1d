package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability.Type;
import org.apache.mesos.v1.Protos.HealthCheck;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.Ports;

/**
 * Tasks as the master keeps them, with agents played on the agent link and frameworks on the scheduler API: status
 * updates and acknowledgements, launch errors, kill, reconciliation, teardown, failover and lost agents.
 */
class TaskLifecycleTest {

    /** Agents answer pings in every test; an agent that stops is unreachable after about two seconds. */
    private static final String[] FLAGS = {"--agent_ping_timeout=500ms", "--max_agent_ping_timeouts=4",
            "--allocation_interval=50ms"};

    @TempDir
    Path workDir;

    private TestMaster master;

    @BeforeEach
    void startMaster() throws Exception {
        master = TestMaster.start(workDir, FLAGS);
    }

    @AfterEach
    void stopMaster() {
        master.close();
    }

    private Launched launch(FrameworkInfo info, String taskId) throws Exception {
        return Launched.on(master, info, taskId);
    }

    private Launched launch(String taskId) throws Exception {
        return launch(SchedulerSession.framework("tasks"), taskId);
    }

    /** The task's entry under {@code list} ({@code tasks}, {@code completed_tasks}...) of its framework in /state. */
    private Optional<Map<String, Object>> stateTask(Launched launched, String list) throws Exception {
        return JsonTree.objects(master.frameworkJson(launched.framework().id().getValue()), list).stream()
                .filter(task -> launched.taskId().equals(task.get("id")))
                .findFirst();
    }

    @Test
    void updatesReachTheFrameworkWithTheirUuidAndAcknowledgementsReachTheAgent() throws Exception {
        Launched launched = launch("t1");
        assertEquals("TASK_STAGING", JsonTree.string(stateTask(launched, "tasks").orElseThrow(), "state"));

        TaskStatus running = launched.report(TaskState.TASK_RUNNING);

        assertEquals(TaskState.TASK_RUNNING, running.getState());
        assertEquals(launched.agentId(), running.getAgentId());
        assertEquals(16, running.getUuid().size());
        Eventually.await("the master records TASK_RUNNING", () -> "TASK_RUNNING".equals(
                JsonTree.string(stateTask(launched, "tasks").orElseThrow(), "state")));
        launched.framework().accepted(Calls.acknowledge(running));
        AgentEvent.Acknowledge ack = launched.agent().next(AgentEvent.Acknowledge.class);
        assertEquals(running.getUuid(), ack.acknowledge().getUuid());
        assertEquals(launched.framework().id(), ack.frameworkId());
    }

    @Test
    void getAgentsCountsALaunchedTaskAsAllocatedUntilItEnds() throws Exception {
        Launched launched = launch("t1");
        assertEquals(2.0, allocatedCpus(), 1e-9);

        launched.framework().accepted(Calls.acknowledge(launched.report(TaskState.TASK_FINISHED)));

        Eventually.await("the finished task's resources are no longer allocated", () -> allocatedCpus() == 0.0);
    }

    private double allocatedCpus() throws Exception {
        var response = Http.post(master.uri("/api/v1"), org.apache.mesos.v1.master.Protos.Call.newBuilder()
                .setType(org.apache.mesos.v1.master.Protos.Call.Type.GET_AGENTS).build().toByteArray(),
                "Content-Type", Http.PROTOBUF, "Accept", Http.PROTOBUF);
        var agent = org.apache.mesos.v1.master.Protos.Response.parseFrom(response.body()).getGetAgents().getAgents(0);
        return agent.getAllocatedResourcesList().stream().filter(resource -> resource.getName().equals("cpus"))
                .mapToDouble(resource -> resource.getScalar().getValue()).sum();
    }

    @Test
    void aTerminalTaskStaysUntilItsUpdateIsAcknowledgedThenIsCompleted() throws Exception {
        Launched launched = launch("t1");
        TaskStatus finished = launched.report(TaskState.TASK_FINISHED);

        Eventually.await("the master records TASK_FINISHED", () -> stateTask(launched, "tasks")
                .map(task -> "TASK_FINISHED".equals(task.get("state"))).orElse(false));
        launched.framework().accepted(Calls.acknowledge(finished));

        Eventually.await("the task moves to completed_tasks", () -> stateTask(launched, "completed_tasks")
                .isPresent());
        assertTrue(stateTask(launched, "tasks").isEmpty());
    }

    @Test
    void aTerminalStateIsNeverLeft() throws Exception {
        Launched launched = launch("t1");
        launched.report(TaskState.TASK_FAILED);
        launched.agent().call(Calls.update(launched.agentId(), launched.framework().id(), "t1",
                TaskState.TASK_RUNNING));

        Eventually.await("the master records the late update", () -> {
            List<Map<String, Object>> statuses = JsonTree.objects(stateTask(launched, "tasks").orElseThrow(),
                    "statuses");
            return "TASK_RUNNING".equals(statuses.get(statuses.size() - 1).get("state"));
        });
        assertEquals("TASK_FAILED", stateTask(launched, "tasks").orElseThrow().get("state"));
    }

    @Test
    void invalidTasksEndInTaskErrorFromTheMaster() throws Exception {
        LinkSession agent = master.subscribe(LinkSession.subscription(null, Ports.free()));
        agent.answerPings(agent.registered().agentId());
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("errors"));
        framework.subscribed();
        Offer offer = framework.next(Event.Type.OFFERS).getOffers().getOffers(0);

        framework.accepted(Calls.launch(offer, Calls.task("same", offer, "cpus:0.5"),
                Calls.task("same", offer, "cpus:0.5"), Calls.task("big", offer, "cpus:64")));

        assertEquals("same", agent.next(AgentEvent.RunTask.class).task().getTaskId().getValue());
        TaskStatus duplicate = framework.next(Event.Type.UPDATE).getUpdate().getStatus();
        TaskStatus tooBig = framework.next(Event.Type.UPDATE).getUpdate().getStatus();
        for (TaskStatus status : List.of(duplicate, tooBig)) {
            assertEquals(TaskState.TASK_ERROR, status.getState(), status.toString());
            assertEquals(TaskStatus.Reason.REASON_TASK_INVALID, status.getReason());
            assertEquals(TaskStatus.Source.SOURCE_MASTER, status.getSource());
        }
        assertEquals("Task has duplicate ID: same", duplicate.getMessage());
        assertTrue(tooBig.getMessage().startsWith("Total resources ")
                && tooBig.getMessage().contains("required by task and its executor is more than available"),
                tooBig.getMessage());
    }

    @Test
    void tasksWithAnInvalidHealthCheckOrANegativeKillGracePeriodEndInTaskError() throws Exception {
        LinkSession agent = master.subscribe(LinkSession.subscription(null, Ports.free()));
        agent.answerPings(agent.registered().agentId());
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("errors"));
        framework.subscribed();
        Offer offer = framework.next(Event.Type.OFFERS).getOffers().getOffers(0);
        TaskInfo noTcp = Calls.task("no-tcp", offer, "cpus:0.1").toBuilder()
                .setHealthCheck(HealthCheck.newBuilder().setType(HealthCheck.Type.TCP)).build();
        TaskInfo negativeGrace = Calls.task("negative", offer, "cpus:0.1").toBuilder()
                .setKillPolicy(KillPolicy.newBuilder().setGracePeriod(DurationInfo.newBuilder().setNanoseconds(-1)))
                .build();
        TaskInfo healthy = Calls.task("healthy", offer, "cpus:0.1").toBuilder()
                .setHealthCheck(HealthCheck.newBuilder().setType(HealthCheck.Type.TCP)
                        .setTcp(HealthCheck.TCPCheckInfo.newBuilder().setPort(8080))).build();

        framework.accepted(Calls.launch(offer, noTcp, negativeGrace, healthy));

        TaskStatus first = framework.next(Event.Type.UPDATE).getUpdate().getStatus();
        TaskStatus second = framework.next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals("healthy", agent.next(AgentEvent.RunTask.class).task().getTaskId().getValue());
        for (TaskStatus status : List.of(first, second)) {
            assertEquals(TaskState.TASK_ERROR, status.getState(), status.toString());
            assertEquals(TaskStatus.Reason.REASON_TASK_INVALID, status.getReason());
        }
        assertEquals("Task uses invalid health check: Expecting 'tcp' to be set for TCP health check",
                first.getMessage());
        assertEquals("Task's 'kill_policy.grace_period' must be non-negative", second.getMessage());
    }

    @Test
    void killGoesToTheTasksAgentWithTheCallsKillPolicy() throws Exception {
        Launched launched = launch("t1");
        KillPolicy policy = KillPolicy.newBuilder()
                .setGracePeriod(DurationInfo.newBuilder().setNanoseconds(2_000_000_000L)).build();

        launched.framework().accepted(Call.newBuilder().setType(Call.Type.KILL).setKill(Call.Kill.newBuilder()
                .setTaskId(launched.task().getTaskId()).setKillPolicy(policy)));

        AgentEvent.KillTask kill = launched.agent().next(AgentEvent.KillTask.class);
        assertEquals("t1", kill.kill().getTaskId().getValue());
        assertEquals(launched.agentId(), kill.kill().getAgentId());
        assertEquals(policy, kill.kill().getKillPolicy());
    }

    @Test
    void killingAnUnknownTaskAnswersWithWhatReconciliationKnows() throws Exception {
        Launched launched = launch("t1");

        launched.framework().accepted(Call.newBuilder().setType(Call.Type.KILL).setKill(Call.Kill.newBuilder()
                .setTaskId(TaskID.newBuilder().setValue("nobody"))));

        TaskStatus status = launched.framework().next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals("nobody", status.getTaskId().getValue());
        assertEquals(TaskState.TASK_LOST, status.getState());
        assertEquals(TaskStatus.Reason.REASON_RECONCILIATION, status.getReason());
        assertFalse(status.hasUuid());
    }

    @Test
    void implicitReconciliationAnswersEveryTaskWithItsLatestStateAndNoUuid() throws Exception {
        Launched launched = launch("t1");
        launched.framework().accepted(Calls.acknowledge(launched.report(TaskState.TASK_RUNNING)));

        launched.framework().accepted(Calls.reconcile());

        TaskStatus status = launched.framework().next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals(TaskState.TASK_RUNNING, status.getState());
        assertEquals(TaskStatus.Reason.REASON_RECONCILIATION, status.getReason());
        assertEquals("Reconciliation: Latest task state", status.getMessage());
        assertEquals(TaskStatus.Source.SOURCE_MASTER, status.getSource());
        assertFalse(status.hasUuid());
    }

    @Test
    void explicitReconciliationOfAnUnknownTaskIsLostOrGoneAsThePartitionAwarenessSays() throws Exception {
        Launched plain = launch("t1");
        plain.framework().accepted(Calls.reconcile(Calls.reconcileTask("ghost", null)));
        assertEquals(TaskState.TASK_LOST, plain.framework().next(Event.Type.UPDATE).getUpdate().getStatus()
                .getState());

        SchedulerSession aware = master.framework(Http.JSON,
                SchedulerSession.framework("aware", Type.PARTITION_AWARE));
        aware.subscribed();
        aware.accepted(Calls.reconcile(Calls.reconcileTask("ghost", plain.agentId().getValue())));
        TaskStatus gone = aware.next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals(TaskState.TASK_GONE, gone.getState());
        assertEquals("Reconciliation: Task is unknown to the agent", gone.getMessage());
    }

    @Test
    void teardownShutsTheFrameworkDownOnItsAgentsAndKillsItsTasks() throws Exception {
        Launched launched = launch("t1");
        String id = launched.framework().id().getValue();

        launched.framework().accepted(Call.newBuilder().setType(Call.Type.TEARDOWN));

        assertEquals(launched.framework().id(), launched.agent().next(AgentEvent.ShutdownFramework.class)
                .frameworkId());
        assertEquals("end", launched.framework().awaitEnd());
        Map<String, Object> completed = JsonTree.objects(master.state(), "completed_frameworks").stream()
                .filter(framework -> id.equals(framework.get("id"))).findFirst().orElseThrow();
        Map<String, Object> task = JsonTree.objects(completed, "completed_tasks").get(0);
        assertEquals("TASK_KILLED", task.get("state"));
    }

    @Test
    void aFrameworkAwayLongerThanItsFailoverTimeoutIsShutDown() throws Exception {
        Launched launched = launch(SchedulerSession.framework("brief").toBuilder().setFailoverTimeout(0.2).build(),
                "t1");

        launched.framework().close();

        assertEquals(launched.framework().id(), launched.agent().next(AgentEvent.ShutdownFramework.class)
                .frameworkId());
        Eventually.await("the framework is completed", () -> JsonTree.objects(master.state(),
                "completed_frameworks").size() == 1);
    }

    @Test
    void aFrameworkBackWithinItsFailoverTimeoutKeepsItsTasksAndGetsTheUpdatesResent() throws Exception {
        FrameworkInfo info = SchedulerSession.framework("returning").toBuilder().setFailoverTimeout(60).build();
        Launched launched = launch(info, "t1");
        launched.framework().close();
        Eventually.await("the framework is disconnected", () -> !JsonTree.bool(
                master.frameworkJson(launched.framework().id().getValue()), "connected"));
        AgentCall.Update missed = Calls.update(launched.agentId(), launched.framework().id(), "t1",
                TaskState.TASK_RUNNING);
        launched.agent().call(missed);

        SchedulerSession back = master.framework(Http.JSON, info.toBuilder().setId(launched.framework().id())
                .build());
        back.subscribed();
        launched.agent().call(missed);

        TaskStatus resent = back.next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals(missed.status().getUuid(), resent.getUuid());
        assertEquals("TASK_RUNNING", JsonTree.string(stateTask(launched, "tasks").orElseThrow(), "state"));
    }

    @Test
    void anUnreachableAgentsTasksAreLostForAPlainFramework() throws Exception {
        assertAgentLossGives(SchedulerSession.framework("plain"), TaskState.TASK_LOST);
    }

    @Test
    void anUnreachableAgentsTasksAreUnreachableForAPartitionAwareFramework() throws Exception {
        assertAgentLossGives(SchedulerSession.framework("aware", Type.PARTITION_AWARE), TaskState.TASK_UNREACHABLE);
    }

    private void assertAgentLossGives(FrameworkInfo info, TaskState expected) throws Exception {
        Launched launched = launch(info, "t1");

        launched.agent().stopAnsweringPings();

        TaskStatus status = launched.framework().next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals(expected, status.getState());
        assertEquals(TaskStatus.Reason.REASON_AGENT_REMOVED, status.getReason());
        assertEquals("health check timed out", status.getMessage());
        assertTrue(status.hasUnreachableTime());
        Event failure = launched.framework().next(Event.Type.FAILURE);
        assertEquals(launched.agentId(), failure.getFailure().getAgentId());
        assertFalse(failure.getFailure().hasExecutorId());
        assertTrue(stateTask(launched, "unreachable_tasks").isPresent());

        launched.framework().accepted(Calls.reconcile(Calls.reconcileTask("t1", launched.agentId().getValue())));
        TaskStatus reconciled = launched.framework().next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals(expected, reconciled.getState());
        assertEquals("Reconciliation: Task is unreachable", reconciled.getMessage());
        assertTrue(reconciled.hasUnreachableTime());
    }

    @Test
    void messagesGoFromFrameworkToExecutorAndBack() throws Exception {
        Launched launched = launch("t1");
        ExecutorID executor = ExecutorID.newBuilder().setValue("t1").build();
        ByteString data = ByteString.copyFromUtf8("hello");

        launched.framework().accepted(Call.newBuilder().setType(Call.Type.MESSAGE).setMessage(Call.Message
                .newBuilder().setAgentId(launched.agentId()).setExecutorId(executor).setData(data)));
        AgentEvent.FrameworkMessage down = launched.agent().next(AgentEvent.FrameworkMessage.class);
        assertEquals(data, down.message().getData());
        assertEquals(executor, down.message().getExecutorId());

        launched.agent().call(new AgentCall.ExecutorMessage(launched.agentId(), launched.framework().id(),
                Event.Message.newBuilder().setAgentId(launched.agentId()).setExecutorId(executor)
                        .setData(ByteString.copyFromUtf8("back")).build()));
        Event up = launched.framework().next(Event.Type.MESSAGE);
        assertEquals("back", up.getMessage().getData().toStringUtf8());
    }

    @Test
    void anExitedExecutorIsReportedAsAFailureWithItsStatus() throws Exception {
        Launched launched = launch("t1");
        ExecutorID executor = ExecutorID.newBuilder().setValue("t1").build();

        launched.agent().call(new AgentCall.ExecutorExited(launched.agentId(), launched.framework().id(),
                Event.Failure.newBuilder().setAgentId(launched.agentId()).setExecutorId(executor).setStatus(9)
                        .build()));

        Event failure = launched.framework().next(Event.Type.FAILURE);
        assertEquals(executor, failure.getFailure().getExecutorId());
        assertEquals(9, failure.getFailure().getStatus());
    }
}
