package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.framework;

import com.google.protobuf.ByteString;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;
import org.meseta.api.json.JsonCodec;
import org.meseta.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v1 executor API's answers to calls it refuses, with Mesos's status codes and texts (as in Mesos's
 * {@code executor_http_api_tests.cpp}), checked in Mesos's order: media type, form, validity, {@code Accept} for
 * SUBSCRIBE, then what the agent knows.
 */
class ExecutorApiTest {

    @TempDir
    Path workDir;

    private LinkedAgent agent;

    @BeforeEach
    void start() throws Exception {
        agent = LinkedAgent.start(workDir);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private static Call.Builder call(Call.Type type, String executorId) {
        return Call.newBuilder().setType(type)
                .setFrameworkId(FrameworkID.newBuilder().setValue(LinkedAgent.FRAMEWORK_ID))
                .setExecutorId(ExecutorID.newBuilder().setValue(executorId));
    }

    private static Call.Builder subscribe(String executorId) {
        return call(Call.Type.SUBSCRIBE, executorId).setSubscribe(Call.Subscribe.getDefaultInstance());
    }

    private HttpResponse<byte[]> post(String body, String... headers) throws Exception {
        return Http.post(agent.uri("/api/v1/executor"), body, headers);
    }

    private HttpResponse<byte[]> post(Call.Builder call) throws Exception {
        return post(JsonCodec.encodeToString(call.build()), "Content-Type", Http.JSON);
    }

    private static void assertAnswer(int status, String text, HttpResponse<byte[]> response) {
        assertEquals(status + " " + text, response.statusCode() + " " + Http.text(response));
    }

    @Test
    void theBodyMustSayItsMediaType() throws Exception {
        assertAnswer(400, "Expecting 'Content-Type' to be present", post(JsonCodec.encodeToString(
                subscribe("e1").build())));
    }

    @Test
    void theBodyMustBeJsonOrProtobuf() throws Exception {
        assertAnswer(415, "Expecting 'Content-Type' of application/json or application/x-protobuf",
                post("hello", "Content-Type", "text/plain"));
    }

    @Test
    void aBodyThatIsNoJsonIsRefused() throws Exception {
        HttpResponse<byte[]> response = post("{", "Content-Type", Http.JSON);

        assertEquals(400, response.statusCode());
        assertTrue(Http.text(response).startsWith("Failed to parse body into JSON: "), Http.text(response));
    }

    @Test
    void onlyPostIsAllowed() throws Exception {
        assertEquals(405, TestCluster.get(agent.port(), "/api/v1/executor").statusCode());
    }

    @Test
    void aCallWithoutItsMessageIsInvalid() throws Exception {
        assertAnswer(400, "Failed to validate Executor::Call: Expecting 'subscribe' to be present",
                post(call(Call.Type.SUBSCRIBE, "e1")));
    }

    @Test
    void anUpdateMustComeFromTheExecutor() throws Exception {
        TaskStatus status = TaskStatus.newBuilder().setTaskId(LinkedAgent.taskId("t1"))
                .setState(TaskState.TASK_RUNNING).setSource(TaskStatus.Source.SOURCE_MASTER)
                .setUuid(ByteString.copyFrom(new byte[16])).build();

        assertAnswer(400, "Failed to validate Executor::Call: Received Call from executor e1 of framework "
                + LinkedAgent.FRAMEWORK_ID + " with invalid source, expecting 'SOURCE_EXECUTOR'",
                post(call(Call.Type.UPDATE, "e1").setUpdate(Call.Update.newBuilder().setStatus(status))));
    }

    @Test
    void aSubscriptionMustAcceptJsonOrProtobuf() throws Exception {
        assertAnswer(406, "Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'",
                post(JsonCodec.encodeToString(subscribe("e1").build()), "Content-Type", Http.JSON,
                        "Accept", "text/html"));
    }

    @Test
    void anUnknownFrameworkOrExecutorIsABadRequest() throws Exception {
        assertAnswer(400, "Framework cannot be found", post(subscribe("e1")));

        agent.run(framework(), LinkedAgent.task("t1").setExecutor(LinkedAgent.executor("e1")));
        agent.executorEnvironment("e1");

        assertAnswer(400, "Executor cannot be found", post(subscribe("e2")));
    }

    @Test
    void anExecutorThatHasNotSubscribedMayOnlySubscribe() throws Exception {
        agent.run(framework(), LinkedAgent.task("t1").setExecutor(LinkedAgent.executor("e1")));
        agent.executorEnvironment("e1");

        assertAnswer(403, "Executor is not subscribed", post(call(Call.Type.MESSAGE, "e1")
                .setMessage(Call.Message.newBuilder().setData(ByteString.copyFromUtf8("hi")))));
    }

    @Test
    void theApiAnswersUnderTheAgentsProcessToo() throws Exception {
        HttpResponse<byte[]> response = Http.post(agent.uri("/slave(1)/api/v1/executor"),
                JsonCodec.encodeToString(subscribe("e1").build()), "Content-Type", Http.JSON);

        assertAnswer(400, "Framework cannot be found", response);
    }
}
