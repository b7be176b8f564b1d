package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.framework;
import static org.meseta.testing.JsonTree.array;
import static org.meseta.testing.JsonTree.number;
import static org.meseta.testing.JsonTree.object;
import static org.meseta.testing.JsonTree.objects;
import static org.meseta.testing.JsonTree.string;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.TaskState;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the agent shows of its work over HTTP: sandboxes through {@code /files}, tasks in {@code /state}. */
class SandboxEndpointsTest {

    @TempDir
    Path workDir;

    private LinkedAgent agent;
    private String sandbox;

    @BeforeEach
    void runATask() throws Exception {
        agent = LinkedAgent.start(workDir);
        agent.run(framework(), commandTask("t1", "echo hello; mkdir dir; echo inner > dir/file; sleep 1000"));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        sandbox = agent.sandbox("t1").toRealPath().toString();
        Eventually.await("the task wrote its files",
                () -> agent.sandbox("t1").resolve("dir/file").toFile().length() > 0);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private HttpResponse<byte[]> files(String endpoint, String path, String... parameters) throws Exception {
        StringBuilder target = new StringBuilder("/files/").append(endpoint).append("?path=")
                .append(URLEncoder.encode(path, StandardCharsets.UTF_8));
        for (String parameter : parameters) {
            target.append('&').append(parameter);
        }
        return TestCluster.get(agent.port(), target.toString());
    }

    private Map<String, Object> read(String path, String... parameters) throws Exception {
        HttpResponse<byte[]> response = files("read", path, parameters);
        assertEquals(200, response.statusCode(), Http.text(response));
        return JsonTree.parseObject(Http.text(response));
    }

    @Test
    void browseListsASandboxLikeLs() throws Exception {
        HttpResponse<byte[]> response = files("browse", sandbox);

        assertEquals(200, response.statusCode(), Http.text(response));
        List<Map<String, Object>> entries = objects(Map.of("listing", JsonTree.parse(Http.text(response))),
                "listing");
        assertEquals(List.of(sandbox + "/dir", sandbox + "/stderr", sandbox + "/stdout"),
                entries.stream().map(entry -> string(entry, "path")).toList());
        assertTrue(string(entries.get(0), "mode").startsWith("d"), entries.get(0).toString());
        assertTrue(string(entries.get(2), "mode").startsWith("-rw"), entries.get(2).toString());
        assertEquals(new BigDecimal(6), number(entries.get(2), "size"));
    }

    @Test
    void readReturnsTheDataAtAnOffsetOrTheSizeForOffsetMinusOne() throws Exception {
        assertEquals(Map.of("data", "hello\n", "offset", BigDecimal.ZERO), read(sandbox + "/stdout", "offset=0"));
        assertEquals(Map.of("data", "ll", "offset", new BigDecimal(2)),
                read(sandbox + "/stdout", "offset=2", "length=2"));
        assertEquals(Map.of("data", "", "offset", new BigDecimal(6)), read(sandbox + "/stdout", "offset=-1"));
        assertEquals(Map.of("data", "", "offset", new BigDecimal(6)), read(sandbox + "/stdout"));
    }

    @Test
    void theSandboxIsAlsoAttachedAtItsLatestLinkAndMesossVirtualPath() throws Exception {
        assertEquals("inner\n", read(agent.sandbox("t1") + "/dir/file", "offset=0").get("data"));
        assertEquals("hello\n", read("/frameworks/" + LinkedAgent.FRAMEWORK_ID + "/executors/t1/runs/latest/stdout",
                "offset=0").get("data"));

        Map<String, Object> debug = TestCluster.getJson(agent.port(), "/files/debug");
        assertEquals(sandbox, debug.get(sandbox));
        assertEquals(sandbox, debug.get(agent.sandbox("t1").toString()));
    }

    @Test
    void downloadSendsTheFileItself() throws Exception {
        HttpResponse<byte[]> response = files("download", sandbox + "/stdout");

        assertEquals(200, response.statusCode());
        assertEquals("application/octet-stream", Http.contentType(response));
        assertEquals("hello\n", Http.text(response));
    }

    @Test
    void pathsOutsideTheSandboxesDoNotExistAndDirectoriesCannotBeRead() throws Exception {
        assertEquals(400, TestCluster.get(agent.port(), "/files/read").statusCode());
        assertEquals(404, files("read", "/etc/passwd", "offset=0").statusCode());
        assertEquals(404, files("read", sandbox + "/../../../../../../../../etc/passwd", "offset=0").statusCode());
        assertEquals(404, files("browse", sandbox + "/missing").statusCode());
        assertEquals(400, files("read", sandbox + "/dir", "offset=0").statusCode());
        assertEquals(400, files("download", sandbox + "/dir").statusCode());
        assertEquals(400, files("read", sandbox + "/stdout", "offset=x").statusCode());
    }

    @Test
    void stateShowsTheFrameworkItsExecutorAndTheTaskInMesossShape() throws Exception {
        Map<String, Object> state = agent.state();

        assertEquals(FakeLinkMaster.AGENT_ID, string(state, "id"));
        Map<String, Object> framework = objects(state, "frameworks").get(0);
        assertEquals(LinkedAgent.FRAMEWORK_ID, string(framework, "id"));
        assertEquals("test", string(framework, "name"));
        assertEquals(List.of(), array(state, "completed_frameworks"));
        Map<String, Object> executor = objects(framework, "executors").get(0);
        assertEquals("t1", string(executor, "id"));
        assertEquals("t1", string(executor, "source"));
        assertEquals("Command Executor (Task: t1) (Command: sh -c 'echo hello; ...')", string(executor, "name"));
        assertEquals(sandbox, string(executor, "directory"));
        assertEquals(Path.of(sandbox).getFileName().toString(), string(executor, "container"));
        assertEquals(JsonTree.num(0.1), number(object(executor, "resources"), "cpus"));
        Map<String, Object> task = objects(executor, "tasks").get(0);
        assertEquals("t1", string(task, "id"));
        assertEquals("TASK_RUNNING", string(task, "state"));
        assertEquals("", string(task, "executor_id"), "Mesos shows no executor id for a command task");
        assertEquals(LinkedAgent.FRAMEWORK_ID, string(task, "framework_id"));
        assertEquals(FakeLinkMaster.AGENT_ID, string(task, "slave_id"));
        assertEquals("*", string(task, "role"));
        assertEquals(List.of("TASK_STARTING", "TASK_RUNNING"), objects(task, "statuses").stream()
                .map(status -> string(status, "state")).toList());
    }
}
