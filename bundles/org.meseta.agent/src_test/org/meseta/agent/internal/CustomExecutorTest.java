package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.executor;
import static org.meseta.agent.internal.LinkedAgent.framework;
import static org.meseta.agent.internal.LinkedAgent.gracePeriod;
import static org.meseta.agent.internal.LinkedAgent.taskId;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Event;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpClientOptions;
import org.meseta.http.HttpTransport;
import org.meseta.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A framework's own executor: a real process the agent starts ({@link LinkedAgent#executor}) and an
 * {@link ExecutorSession} that speaks the v1 executor API for it.
 */
class CustomExecutorTest {

    @TempDir
    Path workDir;

    private LinkedAgent agent;
    private HttpTransport transport;
    private HttpClient client;

    private void start(String... flags) throws Exception {
        agent = LinkedAgent.start(workDir, flags);
        transport = HttpTransport.create("executor-test", 1);
        client = new HttpClient(transport, HttpClientOptions.defaults());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
            transport.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    private static TaskInfo.Builder task(String id, ExecutorInfo.Builder executor) {
        return LinkedAgent.task(id).setExecutor(executor);
    }

    /** Starts executor {@code e1} with task {@code t1} and subscribes for it; the LAUNCH of t1 is taken. */
    private ExecutorSession launched(String mediaType) throws Exception {
        agent.run(framework(), task("t1", executor("e1")));
        agent.executorEnvironment("e1");
        ExecutorSession session = ExecutorSession.subscribe(client, agent.port(), mediaType,
                LinkedAgent.FRAMEWORK_ID, "e1");
        session.subscribed();
        assertEquals("t1", session.next(Event.Type.LAUNCH).getLaunch().getTask().getTaskId().getValue());
        return session;
    }

    @Test
    void aTaskGroupForAFrameworksOwnExecutorComesAsOneLaunchGroupEventEvenWhenQueued() throws Exception {
        start();
        ExecutorInfo executor = executor("e1").setType(ExecutorInfo.Type.CUSTOM)
                .setFrameworkId(LinkedAgent.frameworkId()).build();
        agent.runGroup(framework(), executor, LinkedAgent.task("a"), LinkedAgent.task("b"));
        agent.executorEnvironment("e1");

        try (ExecutorSession session = ExecutorSession.subscribe(client, agent.port(), Http.JSON,
                LinkedAgent.FRAMEWORK_ID, "e1")) {
            session.subscribed();
            Event.LaunchGroup group = session.next(Event.Type.LAUNCH_GROUP).getLaunchGroup();
            assertEquals(java.util.List.of("a", "b"), group.getTaskGroup().getTasksList().stream()
                    .map(task -> task.getTaskId().getValue()).toList());

            agent.runGroup(framework(), executor, LinkedAgent.task("c"));
            assertEquals("c", session.next(Event.Type.LAUNCH_GROUP).getLaunchGroup().getTaskGroup().getTasks(0)
                    .getTaskId().getValue(), "a group for a subscribed executor goes at once");
        }
    }

    @Test
    void anExecutorStartsWithMesossEnvironmentSubscribesAndGetsItsTask() throws Exception {
        start();
        agent.run(framework(), task("t1", executor("e1")));

        Map<String, String> env = agent.executorEnvironment("e1");
        ExecutorSession session = ExecutorSession.subscribe(client, agent.port(), Http.JSON,
                env.get("MESOS_FRAMEWORK_ID"), env.get("MESOS_EXECUTOR_ID"));
        Event.Subscribed subscribed = session.subscribed();
        TaskInfo launched = session.next(Event.Type.LAUNCH).getLaunch().getTask();

        String sandbox = agent.sandbox("e1").toRealPath().toString();
        assertEquals(sandbox, env.get("MESOS_DIRECTORY"));
        assertEquals(sandbox, env.get("MESOS_SANDBOX"));
        assertEquals("127.0.0.1:" + agent.port(), env.get("MESOS_AGENT_ENDPOINT"));
        assertEquals("5secs", env.get("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD"));
        assertEquals("0", env.get("MESOS_CHECKPOINT"));
        assertEquals("0", env.get("MESOS_HTTP_COMMAND_EXECUTOR"));
        assertEquals("e1", subscribed.getExecutorInfo().getExecutorId().getValue());
        assertEquals(LinkedAgent.FRAMEWORK_ID, subscribed.getExecutorInfo().getFrameworkId().getValue());
        assertEquals(LinkedAgent.FRAMEWORK_ID, subscribed.getFrameworkInfo().getId().getValue());
        assertEquals(FakeLinkMaster.AGENT_ID, subscribed.getAgentInfo().getId().getValue());
        assertEquals(agent.sandbox("e1").toRealPath().getFileName().toString(),
                subscribed.getContainerId().getValue(), "the run directory is named after the container");
        assertEquals("t1", launched.getTaskId().getValue());
        assertTrue(session.problems().isEmpty(), session.problems().toString());
    }

    @Test
    void anUpdateIsAcknowledgedToTheExecutorAndForwardedToTheMasterUntilAcknowledged() throws Exception {
        start();
        ExecutorSession session = launched(Http.JSON);

        TaskStatus running = session.update(taskId("t1"), TaskState.TASK_RUNNING);

        Event.Acknowledged acknowledged = session.next(Event.Type.ACKNOWLEDGED).getAcknowledged();
        assertEquals("t1", acknowledged.getTaskId().getValue());
        assertEquals(running.getUuid(), acknowledged.getUuid());
        TaskStatus forwarded = agent.nextUpdate("t1").status();
        assertEquals(running.getUuid(), forwarded.getUuid());
        assertEquals(TaskStatus.Source.SOURCE_EXECUTOR, forwarded.getSource());
        assertEquals("e1", forwarded.getExecutorId().getValue());
        assertEquals(FakeLinkMaster.AGENT_ID, forwarded.getAgentId().getValue());
        assertTrue(forwarded.hasTimestamp(), "the agent stamps the time when the executor did not");

        agent.acknowledge(forwarded);
        session.update(taskId("t1"), TaskState.TASK_FINISHED);
        assertEquals(TaskState.TASK_FINISHED, agent.nextUpdate("t1").status().getState());
    }

    @Test
    void anExecutorMaySpeakProtobuf() throws Exception {
        start();
        ExecutorSession session = launched(Http.PROTOBUF);

        TaskStatus running = session.update(taskId("t1"), TaskState.TASK_RUNNING);

        assertEquals(running.getUuid(), session.next(Event.Type.ACKNOWLEDGED).getAcknowledged().getUuid());
        assertTrue(session.problems().isEmpty(), session.problems().toString());
    }

    @Test
    void messagesGoBothWays() throws Exception {
        start();
        ExecutorSession session = launched(Http.JSON);

        session.message(ByteString.copyFromUtf8("to the framework"));
        agent.master().send(new AgentEvent.FrameworkMessage(LinkedAgent.frameworkId(), Call.Message.newBuilder()
                .setAgentId(LinkedAgent.AGENT_ID).setExecutorId(ExecutorID.newBuilder().setValue("e1"))
                .setData(ByteString.copyFromUtf8("to the executor")).build()));

        AgentCall.ExecutorMessage up = agent.master().next(AgentCall.ExecutorMessage.class, call -> true);
        assertEquals("to the framework", up.message().getData().toStringUtf8());
        assertEquals("e1", up.message().getExecutorId().getValue());
        assertEquals(LinkedAgent.frameworkId(), up.frameworkId());
        assertEquals("to the executor", session.next(Event.Type.MESSAGE).getMessage().getData().toStringUtf8());
    }

    @Test
    void aFurtherTaskAndAKillGoDownTheExecutorsStream() throws Exception {
        start();
        ExecutorSession session = launched(Http.JSON);

        agent.run(framework(), task("t2", executor("e1")));
        agent.kill("t2", Optional.of(gracePeriod(Duration.ofSeconds(7))));

        assertEquals("t2", session.next(Event.Type.LAUNCH).getLaunch().getTask().getTaskId().getValue());
        Event.Kill kill = session.next(Event.Type.KILL).getKill();
        assertEquals("t2", kill.getTaskId().getValue());
        assertEquals(Duration.ofSeconds(7).toNanos(), kill.getKillPolicy().getGracePeriod().getNanoseconds());
    }

    @Test
    void whenTheExecutorExitsItsUnfinishedTasksFailAndTheMasterHearsOfIt() throws Exception {
        start();
        ExecutorSession session = launched(Http.JSON);
        session.update(taskId("t1"), TaskState.TASK_RUNNING);
        agent.acknowledge(agent.nextUpdate("t1").status());

        agent.exitExecutor("e1", 7);

        TaskStatus failed = agent.nextUpdate("t1").status();
        assertEquals(TaskState.TASK_FAILED, failed.getState());
        assertEquals(TaskStatus.Reason.REASON_EXECUTOR_TERMINATED, failed.getReason());
        assertEquals(TaskStatus.Source.SOURCE_AGENT, failed.getSource());
        AgentCall.ExecutorExited exited = agent.master().next(AgentCall.ExecutorExited.class, call -> true);
        assertEquals("e1", exited.failure().getExecutorId().getValue());
        assertEquals(7 << 8, exited.failure().getStatus(), "the wait status, as Mesos reports it");
    }

    @Test
    void shuttingAnExecutorDownSendsShutdownAndKillsItAfterItsGracePeriod() throws Exception {
        start();
        agent.run(framework(), task("t1", executor("e1").setShutdownGracePeriod(DurationInfo.newBuilder()
                .setNanoseconds(Duration.ofMillis(100).toNanos()))));
        agent.executorEnvironment("e1");
        ExecutorSession session = ExecutorSession.subscribe(client, agent.port(), Http.JSON,
                LinkedAgent.FRAMEWORK_ID, "e1");
        session.subscribed();
        session.next(Event.Type.LAUNCH);

        agent.shutdownExecutor("e1");

        session.next(Event.Type.SHUTDOWN);
        AgentCall.ExecutorExited exited = agent.master().next(AgentCall.ExecutorExited.class, call -> true);
        assertEquals(9, exited.failure().getStatus(), "killed with SIGKILL: it ignored SHUTDOWN");
        assertEquals(TaskState.TASK_FAILED, agent.nextUpdate("t1").status().getState());
    }

    @Test
    void anExecutorThatDoesNotSubscribeInTimeIsKilledAndItsTasksFail() throws Exception {
        start("--executor_registration_timeout=200ms");
        agent.run(framework(), task("t1", executor("e1")));

        TaskStatus failed = agent.nextUpdate("t1").status();

        assertEquals(TaskState.TASK_FAILED, failed.getState());
        assertEquals(TaskStatus.Reason.REASON_EXECUTOR_REGISTRATION_TIMEOUT, failed.getReason());
        assertEquals("Executor did not register within 200ms", failed.getMessage());
        assertFalse(agent.master().next(AgentCall.ExecutorExited.class, call -> true).failure().getStatus() == 0);
    }

    @Test
    void aSubscriptionAfterTheExecutorEndedGetsAnErrorEvent() throws Exception {
        start();
        launched(Http.JSON).close();
        agent.exitExecutor("e1", 0);
        agent.master().next(AgentCall.ExecutorExited.class, call -> true);

        // The run stays known while its task's last update waits for the framework's acknowledgement.
        ExecutorSession late = ExecutorSession.subscribe(client, agent.port(), Http.JSON, LinkedAgent.FRAMEWORK_ID,
                "e1");

        assertEquals(200, late.status());
        assertEquals("Executor e1 is not running", late.next(Event.Type.ERROR).getError().getMessage());
    }
}
