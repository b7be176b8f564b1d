package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.framework;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.FileInfo;
import org.apache.mesos.v1.Protos.Flag;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.agent.Protos.Call;
import org.apache.mesos.v1.agent.Protos.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.json.JsonCodec;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;

/** The agent's v1 operator API, {@code POST /api/v1}, over real HTTP with a real command task, in both encodings. */
class AgentOperatorApiTest {

    @TempDir
    Path workDir;

    private LinkedAgent agent;

    @BeforeEach
    void runATask() throws Exception {
        agent = LinkedAgent.start(workDir);
        agent.run(framework(), commandTask("t1", "echo hello; sleep 1000"));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        Eventually.await("the task wrote its output", () -> agent.sandbox("t1").resolve("stdout").toFile().length() > 0);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private static Call call(Call.Type type) {
        return Call.newBuilder().setType(type).build();
    }

    private static Call list(String path) {
        return Call.newBuilder().setType(Call.Type.LIST_FILES)
                .setListFiles(Call.ListFiles.newBuilder().setPath(path)).build();
    }

    private static Call read(String path, long offset, Optional<Long> length) {
        Call.ReadFile.Builder read = Call.ReadFile.newBuilder().setPath(path).setOffset(offset);
        length.ifPresent(read::setLength);
        return Call.newBuilder().setType(Call.Type.READ_FILE).setReadFile(read).build();
    }

    private HttpResponse<byte[]> raw(String path, Call call) throws Exception {
        return Http.post(agent.uri(path), call.toByteArray(), "Content-Type", Http.PROTOBUF, "Accept", Http.PROTOBUF);
    }

    private Response json(Call call) throws Exception {
        var response = Http.post(agent.uri("/api/v1"), JsonCodec.encodeToString(call), "Content-Type", Http.JSON);
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        assertEquals(Http.JSON, Http.contentType(response));
        return JsonCodec.decode(response.body(), Response.newBuilder()).build();
    }

    private Response protobuf(Call call) throws Exception {
        var response = raw("/slave(1)/api/v1", call);
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        assertEquals(Http.PROTOBUF, Http.contentType(response));
        return Response.parseFrom(response.body());
    }

    /** The call in JSON at {@code /api/v1} and in protobuf at {@code /slave(1)/api/v1}: the same answer. */
    private Response both(Call call) throws Exception {
        Response answer = json(call);
        // Through JSON, as Mesos's JSON spells out fields that have defaults (e.g. CommandInfo.shell).
        assertEquals(answer, JsonCodec.decode(JsonCodec.encode(protobuf(call)), Response.newBuilder()).build(),
                "the same answer in JSON and protobuf");
        assertEquals(call.getType().name(), answer.getType().name());
        return answer;
    }

    private void assertRefused(Call call, int status, String reason) throws Exception {
        var response = raw("/api/v1", call);
        assertEquals(status, response.statusCode(), () -> Http.text(response));
        assertTrue(Http.text(response).startsWith(reason), Http.text(response));
    }

    @Test
    void healthVersionFlagsAndLoggingLevel() throws Exception {
        var health = Http.post(agent.uri("/api/v1"), "{\"type\":\"GET_HEALTH\"}", "Content-Type", Http.JSON);
        assertEquals(Map.of("type", "GET_HEALTH", "get_health", Map.of("healthy", true)),
                JsonTree.parse(Http.text(health)));
        assertEquals("1.11.0", both(call(Call.Type.GET_VERSION)).getGetVersion().getVersionInfo().getVersion());
        List<Flag> flags = both(call(Call.Type.GET_FLAGS)).getGetFlags().getFlagsList();
        assertTrue(flags.contains(Flag.newBuilder().setName("work_dir")
                .setValue(workDir.resolve("agent").toString()).build()), flags.toString());
        assertEquals(0, both(call(Call.Type.GET_LOGGING_LEVEL)).getGetLoggingLevel().getLevel());
    }

    @Test
    void getAgentDescribesTheAgentTheMasterAdmitted() throws Exception {
        Response.GetAgent answer = both(call(Call.Type.GET_AGENT)).getGetAgent();

        assertEquals(FakeLinkMaster.AGENT_ID, answer.getAgentInfo().getId().getValue());
        assertEquals(agent.port(), answer.getAgentInfo().getPort());
    }

    @Test
    void aRunningTaskShowsWithItsFrameworkAndExecutor() throws Exception {
        Response.GetFrameworks frameworks = both(call(Call.Type.GET_FRAMEWORKS)).getGetFrameworks();
        assertEquals(List.of(LinkedAgent.frameworkId()),
                frameworks.getFrameworksList().stream().map(f -> f.getFrameworkInfo().getId()).toList());
        assertEquals(0, frameworks.getCompletedFrameworksCount());

        Response.GetExecutors executors = both(call(Call.Type.GET_EXECUTORS)).getGetExecutors();
        assertEquals(List.of("t1"), executors.getExecutorsList().stream()
                .map(executor -> executor.getExecutorInfo().getExecutorId().getValue()).toList());

        Response.GetTasks tasks = both(call(Call.Type.GET_TASKS)).getGetTasks();
        assertEquals(1, tasks.getLaunchedTasksCount());
        Task task = tasks.getLaunchedTasks(0);
        assertEquals("t1", task.getTaskId().getValue());
        assertEquals(TaskState.TASK_RUNNING, task.getState());
        assertEquals(0, tasks.getCompletedTasksCount() + tasks.getQueuedTasksCount() + tasks.getPendingTasksCount());

        Response.GetState state = both(call(Call.Type.GET_STATE)).getGetState();
        assertEquals(tasks, state.getGetTasks());
        assertEquals(executors, state.getGetExecutors());
        assertEquals(frameworks, state.getGetFrameworks());
    }

    @Test
    void aKilledTaskIsCompletedWithItsExecutor() throws Exception {
        agent.kill("t1", Optional.empty());
        agent.acknowledgeStates("t1", TaskState.TASK_KILLED);

        Eventually.await("the executor has ended",
                () -> protobuf(call(Call.Type.GET_EXECUTORS)).getGetExecutors().getCompletedExecutorsCount() == 1);
        Response.GetTasks tasks = both(call(Call.Type.GET_TASKS)).getGetTasks();
        assertEquals(0, tasks.getLaunchedTasksCount());
        assertEquals(List.of(TaskState.TASK_KILLED),
                tasks.getCompletedTasksList().stream().map(Task::getState).toList());
    }

    @Test
    void listFilesAndReadFileServeTheSandbox() throws Exception {
        String sandbox = agent.sandbox("t1").toRealPath().toString();

        List<FileInfo> files = both(list(sandbox)).getListFiles().getFileInfosList();
        assertEquals(List.of(sandbox + "/stderr", sandbox + "/stdout"), files.stream().map(FileInfo::getPath).toList());
        assertEquals(0100000, files.get(1).getMode() & 0170000, "a regular file");
        assertEquals(6, files.get(1).getSize());

        Response.ReadFile stdout = both(read(sandbox + "/stdout", 0, Optional.empty())).getReadFile();
        assertEquals("hello\n", stdout.getData().toStringUtf8());
        assertEquals(6, stdout.getSize());
        Response.ReadFile part = both(read(sandbox + "/stdout", 1, Optional.of(3L))).getReadFile();
        assertEquals("ell", part.getData().toStringUtf8());
        assertEquals(6, part.getSize());
    }

    @Test
    void filesErrorsAreMesoss() throws Exception {
        String sandbox = agent.sandbox("t1").toRealPath().toString();

        assertRefused(list(sandbox + "/nothing"), 404, "Path '" + sandbox + "/nothing' not found.");
        assertRefused(read("/nowhere", 0, Optional.empty()), 404, "Path '/nowhere' not found.");
        assertRefused(read(sandbox, 0, Optional.empty()), 400, "Cannot read a directory.");
        assertRefused(read(sandbox + "/stdout", -1, Optional.empty()), 400, "Negative offset provided");
        assertRefused(read(sandbox + "/stdout", 0, Optional.of(-2L)), 400, "Negative length provided");
    }

    @Test
    void otherCallsAnswer501NamingTheCallAndCallsWithoutTypeAre400() throws Exception {
        var operations = raw("/api/v1", call(Call.Type.GET_OPERATIONS));
        assertEquals(501, operations.statusCode());
        assertEquals("Call type GET_OPERATIONS is not supported by this Meseta agent yet", Http.text(operations));

        var untyped = Http.post(agent.uri("/api/v1"), "{}", "Content-Type", Http.JSON);
        assertEquals(400, untyped.statusCode());
        assertEquals("Expecting 'type' to be present", Http.text(untyped));
    }
}
