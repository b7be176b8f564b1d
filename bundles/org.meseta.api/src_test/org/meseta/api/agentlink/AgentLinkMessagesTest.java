package org.meseta.api.agentlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.DrainConfig;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.Test;
import org.meseta.api.json.JsonCodecException;
import org.meseta.testing.JsonTree;

class AgentLinkMessagesTest {

    private static final AgentInfo AGENT = AgentInfo.newBuilder().setHostname("a1").setPort(5051).build();
    private static final MasterInfo MASTER = MasterInfo.newBuilder().setId("m").setIp(16777343).setPort(5050)
            .setPid("master@127.0.0.1:5050").setHostname("localhost").build();
    private static final AgentID AGENT_ID = AgentID.newBuilder().setValue("m-S0").build();
    private static final TaskID TASK = TaskID.newBuilder().setValue("t1").build();
    private static final ByteString UUID = ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
            13, 14, 15, 16});

    @Test
    void subscribeRoundTripsThroughItsDocumentedJson() throws JsonCodecException {
        AgentSubscribe subscribe = new AgentSubscribe(AGENT, "slave(1)@127.0.0.1:5051", "1.11.0");

        JsonTree.assertSameJson("""
                {"agent_info":{"hostname":"a1","port":5051},"pid":"slave(1)@127.0.0.1:5051","version":"1.11.0"}""",
                new String(subscribe.toJson(), StandardCharsets.UTF_8));
        assertEquals(subscribe, AgentSubscribe.fromJson(subscribe.toJson()));
    }

    @Test
    void registeredRoundTripsWithItsPingSchedule() throws JsonCodecException {
        AgentEvent.Registered registered = new AgentEvent.Registered(AgentID.newBuilder().setValue("m-S0").build(),
                MASTER, Duration.ofMillis(1500), 5);

        AgentEvent read = AgentEvent.fromJson(registered.toJson());

        assertEquals(registered, read);
        assertEquals(Duration.ofMillis(7500), ((AgentEvent.Registered) read).pingTimeout());
    }

    @Test
    void pingAndPongRoundTrip() throws JsonCodecException {
        assertInstanceOf(AgentEvent.Ping.class, AgentEvent.fromJson("{\"type\":\"PING\"}".getBytes()));
        AgentCall.Pong pong = new AgentCall.Pong(AgentID.newBuilder().setValue("m-S3").build());
        assertEquals(pong, AgentCall.fromJson(pong.toJson()));
    }

    @Test
    void unknownFieldsAreIgnoredAndNullMeansAbsent() throws JsonCodecException {
        AgentSubscribe read = AgentSubscribe.fromJson(("{\"extra\":[1,{\"x\":2}],\"agent_info\":{\"hostname\":\"a1\"},"
                + "\"pid\":\"slave(1)@10.0.0.2:5051\",\"version\":\"1.11.0\",\"more\":null}").getBytes());

        assertEquals("a1", read.agentInfo().getHostname());
    }

    @Test
    void malformedJsonIsDescribedWithoutParserInternals() {
        JsonCodecException error = assertThrows(JsonCodecException.class,
                () -> AgentSubscribe.fromJson("{\"pid\": slave}".getBytes()));

        assertTrue(error.getMessage().startsWith("Malformed JSON at line 1"), error.getMessage());
        assertFalse(error.getMessage().contains("Source"), error.getMessage());
    }

    @Test
    void badPidIsRefusedNamingTheExpectedForm() {
        JsonCodecException error = assertThrows(JsonCodecException.class, () -> AgentSubscribe.fromJson(
                "{\"agent_info\":{\"hostname\":\"a1\"},\"pid\":\"agent@host\",\"version\":\"1\"}".getBytes()));

        assertEquals("Invalid agent pid 'agent@host': expected slave(N)@ip:port", error.getMessage());
    }

    @Test
    void missingFieldIsNamed() {
        JsonCodecException error = assertThrows(JsonCodecException.class,
                () -> AgentCall.fromJson("{\"type\":\"PONG\"}".getBytes()));

        assertEquals("Field 'agent_id' must be an object", error.getMessage());
    }

    @Test
    void subscribeCarriesWhatTheAgentRuns() throws JsonCodecException {
        // As Mesos, the JSON carries the fields with explicit defaults, so they are set here to compare.
        FrameworkInfo framework = FrameworkInfo.newBuilder().setUser("u").setName("f").setFailoverTimeout(0)
                .setCheckpoint(false).setId(FrameworkID.newBuilder().setValue("m-0000")).build();
        ExecutorInfo executor = ExecutorInfo.newBuilder().setExecutorId(ExecutorID.newBuilder().setValue("e"))
                .setFrameworkId(framework.getId()).build();
        Task task = Task.newBuilder().setName("t").setTaskId(TASK).setFrameworkId(framework.getId())
                .setAgentId(AGENT_ID).setState(TaskState.TASK_RUNNING).build();
        AgentSubscribe subscribe = new AgentSubscribe(AGENT, "slave(1)@127.0.0.1:5051", "1.11.0", List.of(framework),
                List.of(executor), List.of(task));

        AgentSubscribe read = AgentSubscribe.fromJson(subscribe.toJson());

        assertEquals(subscribe, read);
        assertTrue(new String(subscribe.toJson(), StandardCharsets.UTF_8).contains("\"state\":\"TASK_RUNNING\""));
    }

    @Test
    void aNonObjectInAnArrayIsNamedByItsIndex() {
        JsonCodecException error = assertThrows(JsonCodecException.class, () -> AgentSubscribe.fromJson(
                ("{\"agent_info\":{\"hostname\":\"a1\"},\"pid\":\"slave(1)@10.0.0.2:5051\",\"version\":\"1\","
                        + "\"tasks\":[7]}").getBytes()));

        assertEquals("Element 0 of 'tasks' must be an object", error.getMessage());
    }

    @Test
    void everyEventForTheAgentRoundTrips() throws JsonCodecException {
        FrameworkInfo framework = FrameworkInfo.newBuilder().setUser("u").setName("f").setFailoverTimeout(0)
                .setCheckpoint(false).setId(FrameworkID.newBuilder().setValue("m-0000")).build();
        TaskInfo task = TaskInfo.newBuilder().setName("t").setTaskId(TASK).setAgentId(AGENT_ID)
                .setCommand(CommandInfo.newBuilder().setValue("echo hi").setShell(true)).build();
        List<AgentEvent> events = List.of(
                new AgentEvent.RunTask(framework, task),
                new AgentEvent.KillTask(framework.getId(), Call.Kill.newBuilder().setTaskId(TASK)
                        .setKillPolicy(KillPolicy.newBuilder().setGracePeriod(DurationInfo.newBuilder()
                                .setNanoseconds(1_000_000_000L))).build()),
                new AgentEvent.ShutdownExecutor(framework.getId(), Call.Shutdown.newBuilder().setAgentId(AGENT_ID)
                        .setExecutorId(ExecutorID.newBuilder().setValue("e")).build()),
                new AgentEvent.ShutdownFramework(framework.getId()),
                new AgentEvent.Acknowledge(framework.getId(), Call.Acknowledge.newBuilder().setAgentId(AGENT_ID)
                        .setTaskId(TASK).setUuid(UUID).build()),
                new AgentEvent.FrameworkMessage(framework.getId(), Call.Message.newBuilder().setAgentId(AGENT_ID)
                        .setExecutorId(ExecutorID.newBuilder().setValue("e")).setData(UUID).build()),
                new AgentEvent.Drain(DrainConfig.newBuilder().setMarkGone(true).setMaxGracePeriod(
                        DurationInfo.newBuilder().setNanoseconds(2_000_000_000L)).build()),
                new AgentEvent.Drain(DrainConfig.newBuilder().setMarkGone(false).build()),
                new AgentEvent.Shutdown("Agent has been marked gone"));

        for (AgentEvent event : events) {
            assertEquals(event, AgentEvent.fromJson(event.toJson()));
        }
    }

    @Test
    void runTaskGroupCarriesTheFrameworkTheExecutorAndTheGroupInItsDocumentedJson() throws JsonCodecException {
        FrameworkInfo framework = FrameworkInfo.newBuilder().setUser("u").setName("f").setFailoverTimeout(0)
                .setCheckpoint(false).setId(FrameworkID.newBuilder().setValue("m-0000")).build();
        ExecutorInfo executor = ExecutorInfo.newBuilder().setExecutorId(ExecutorID.newBuilder().setValue("e"))
                .setFrameworkId(framework.getId()).setType(ExecutorInfo.Type.DEFAULT).build();
        TaskGroupInfo group = TaskGroupInfo.newBuilder()
                .addTasks(TaskInfo.newBuilder().setName("a").setTaskId(TASK).setAgentId(AGENT_ID)
                        .setExecutor(executor).setCommand(CommandInfo.newBuilder().setValue("true").setShell(true)))
                .addTasks(TaskInfo.newBuilder().setName("b").setTaskId(TaskID.newBuilder().setValue("t2"))
                        .setAgentId(AGENT_ID).setExecutor(executor)
                        .setCommand(CommandInfo.newBuilder().setValue("false").setShell(true)))
                .build();
        AgentEvent.RunTaskGroup run = new AgentEvent.RunTaskGroup(framework, executor, group);

        Map<String, Object> json = JsonTree.parseObject(new String(run.toJson(), StandardCharsets.UTF_8));

        assertEquals(run, AgentEvent.fromJson(run.toJson()));
        assertEquals("RUN_TASK_GROUP", JsonTree.string(json, "type"));
        assertEquals("m-0000", JsonTree.string(JsonTree.object(JsonTree.object(json, "framework_info"), "id"),
                "value"));
        assertEquals("DEFAULT", JsonTree.string(JsonTree.object(json, "executor_info"), "type"));
        assertEquals(List.of("a", "b"), JsonTree.objects(JsonTree.object(json, "task_group"), "tasks").stream()
                .map(task -> JsonTree.string(task, "name")).toList());
    }

    @Test
    void aTaskGroupWithoutItsExecutorIsRefusedNamingTheField() {
        JsonCodecException error = assertThrows(JsonCodecException.class, () -> AgentEvent.fromJson(
                ("{\"type\":\"RUN_TASK_GROUP\",\"framework_info\":{\"user\":\"u\",\"name\":\"f\"},"
                        + "\"task_group\":{\"tasks\":[]}}").getBytes()));

        assertEquals("Field 'executor_info' must be an object", error.getMessage());
    }

    @Test
    void everyCallToTheMasterRoundTrips() throws JsonCodecException {
        FrameworkID framework = FrameworkID.newBuilder().setValue("m-0000").build();
        TaskStatus status = TaskStatus.newBuilder().setTaskId(TASK).setState(TaskState.TASK_RUNNING).setUuid(UUID)
                .setAgentId(AGENT_ID).build();
        List<AgentCall> calls = List.of(
                new AgentCall.Pong(AGENT_ID),
                new AgentCall.Update(AGENT_ID, framework, Event.Update.newBuilder().setStatus(status).build(),
                        TaskState.TASK_FINISHED),
                new AgentCall.ExecutorMessage(AGENT_ID, framework, Event.Message.newBuilder().setAgentId(AGENT_ID)
                        .setExecutorId(ExecutorID.newBuilder().setValue("e")).setData(UUID).build()),
                new AgentCall.ExecutorExited(AGENT_ID, framework, Event.Failure.newBuilder().setAgentId(AGENT_ID)
                        .setExecutorId(ExecutorID.newBuilder().setValue("e")).setStatus(256).build()));

        for (AgentCall call : calls) {
            assertEquals(call, AgentCall.fromJson(call.toJson()));
        }
    }

    @Test
    void anUpdateWithAnUnknownLatestStateIsRefused() {
        String json = "{\"type\":\"UPDATE\",\"agent_id\":{\"value\":\"a\"},\"framework_id\":{\"value\":\"f\"},"
                + "\"update\":{\"status\":{\"task_id\":{\"value\":\"t\"},\"state\":\"TASK_RUNNING\"}},"
                + "\"latest_state\":\"TASK_SLEEPING\"}";

        JsonCodecException error = assertThrows(JsonCodecException.class, () -> AgentCall.fromJson(json.getBytes()));

        assertEquals("Field 'latest_state' must be a task state, got 'TASK_SLEEPING'", error.getMessage());
    }

    @Test
    void unknownEventTypeIsAnError() {
        JsonCodecException error = assertThrows(JsonCodecException.class,
                () -> AgentEvent.fromJson("{\"type\":\"REBOOT\"}".getBytes()));

        assertEquals("Unknown agent event type 'REBOOT'", error.getMessage());
    }

    @Test
    void invalidPingScheduleIsRefused() {
        String json = new String(new AgentEvent.Registered(AgentID.newBuilder().setValue("s").build(), MASTER,
                Duration.ofSeconds(1), 1).toJson(), StandardCharsets.UTF_8).replace("\"max_ping_timeouts\":1",
                        "\"max_ping_timeouts\":0");

        assertThrows(JsonCodecException.class, () -> AgentEvent.fromJson(json.getBytes()));
    }
}
