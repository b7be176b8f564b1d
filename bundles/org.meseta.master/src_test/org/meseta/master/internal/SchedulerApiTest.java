package org.meseta.master.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;

/**
 * The v1 scheduler API's wire rules over real HTTP, the scenarios of Mesos's scheduler HTTP API tests: status codes,
 * media types, the stream and its id, subscription and failover.
 */
class SchedulerApiTest {

    @TempDir
    Path workDir;

    private TestMaster master;

    @BeforeEach
    void startMaster() throws Exception {
        master = TestMaster.start(workDir, "--agent_ping_timeout=10mins");
    }

    @AfterEach
    void stopMaster() {
        master.close();
    }

    private static final FrameworkInfo FRAMEWORK = SchedulerSession.framework("api-test");

    @TestFactory
    Stream<DynamicTest> subscribeStreamsSubscribedThenHeartbeatInEitherEncoding() {
        return Stream.of(Http.JSON, Http.PROTOBUF).map(type -> DynamicTest.dynamicTest(type, () -> {
            SchedulerSession framework = master.framework(type, FRAMEWORK);

            FrameworkID id = framework.subscribed();

            assertEquals(type, framework.headers().first("Content-Type").orElseThrow());
            assertTrue(framework.streamId().length() >= 32, framework.streamId());
            assertTrue(id.getValue().matches(master.id() + "-\\d{4}"), id.getValue());
            assertEquals(List.of(), framework.problems(), "every chunk is one record");
        }));
    }

    @Test
    void subscribedCarriesTheHeartbeatIntervalAndMasterInfoUnderTheMasterAlias() throws Exception {
        SchedulerSession framework = master.framework("/master/api/v1/scheduler", Http.JSON, FRAMEWORK);

        assertEquals(200, framework.status());
        Event subscribed = framework.next(SchedulerSession.WAIT);
        assertEquals(15.0, subscribed.getSubscribed().getHeartbeatIntervalSeconds());
        assertEquals(master.id(), subscribed.getSubscribed().getMasterInfo().getId());
        assertEquals(master.port, subscribed.getSubscribed().getMasterInfo().getPort());
    }

    @TestFactory
    Stream<DynamicTest> badRequestsGetTheMesosStatusAndReason() {
        record Row(String name, String body, String[] headers, int status, String reason) {}
        String subscribe = "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":\"u\",\"name\":\"n\"}}}";
        List<Row> rows = List.of(
                new Row("no Content-Type", subscribe, new String[0], 400, "Expecting 'Content-Type' to be present"),
                new Row("unsupported Content-Type", subscribe, new String[] {"Content-Type", "text/plain"}, 415,
                        "Expecting 'Content-Type' of application/json or application/x-protobuf"),
                new Row("malformed JSON", "{\"type\":", json(), 400, "Failed to parse body into JSON: "),
                new Row("JSON that is not a Call", "[1,2]", json(), 400, "Failed to convert JSON into Call protobuf: "),
                new Row("no type", "{}", json(), 400, "Failed to validate scheduler::Call: Expecting 'type' to be"
                        + " present"),
                new Row("SUBSCRIBE without subscribe", "{\"type\":\"SUBSCRIBE\"}", json(), 400,
                        "Failed to validate scheduler::Call: Expecting 'subscribe' to be present"),
                new Row("SUBSCRIBE with a stream id", subscribe,
                        new String[] {"Content-Type", Http.JSON, "Mesos-Stream-Id", "x"}, 400,
                        "Subscribe calls should not include the 'Mesos-Stream-Id' header"),
                new Row("SUBSCRIBE accepting neither encoding", subscribe,
                        new String[] {"Content-Type", Http.JSON, "Accept", "text/html"}, 406,
                        "Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'"),
                new Row("framework ids that differ", "{\"type\":\"SUBSCRIBE\",\"framework_id\":{\"value\":\"a\"},"
                        + "\"subscribe\":{\"framework_info\":{\"user\":\"u\",\"name\":\"n\"}}}", json(), 400,
                        "Failed to validate scheduler::Call: 'framework_id' differs from"
                                + " 'subscribe.framework_info.id'"),
                new Row("TEARDOWN without framework id", "{\"type\":\"TEARDOWN\"}", json(), 400,
                        "Failed to validate scheduler::Call: Expecting 'framework_id' to be present"),
                new Row("ACCEPT without accept", "{\"type\":\"ACCEPT\",\"framework_id\":{\"value\":\"f\"}}", json(),
                        400, "Failed to validate scheduler::Call: Expecting 'accept' to be present"),
                new Row("ACKNOWLEDGE with a malformed uuid", "{\"type\":\"ACKNOWLEDGE\",\"framework_id\":"
                        + "{\"value\":\"f\"},\"acknowledge\":{\"agent_id\":{\"value\":\"a\"},\"task_id\":"
                        + "{\"value\":\"t\"},\"uuid\":\"AAEC\"}}", json(), 400,
                        "Failed to validate scheduler::Call: Not a valid UUID"),
                new Row("call of an unknown framework", "{\"type\":\"TEARDOWN\",\"framework_id\":{\"value\":\"f\"}}",
                        json(), 400, "Framework cannot be found"));
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> {
            var response = Http.post(master.uri("/api/v1/scheduler"), row.body().getBytes(UTF_8), row.headers());

            assertEquals(row.status(), response.statusCode(), () -> Http.text(response));
            assertTrue(Http.text(response).startsWith(row.reason()), Http.text(response));
        }));
    }

    private static String[] json() {
        return new String[] {"Content-Type", Http.JSON};
    }

    @Test
    void getIsNotAllowed() throws Exception {
        var response = Http.get(master.uri("/api/v1/scheduler"));

        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void callsNeedTheCurrentStreamId() throws Exception {
        SchedulerSession framework = master.framework(Http.JSON, FRAMEWORK);
        FrameworkID id = framework.subscribed();
        byte[] teardown = ("{\"type\":\"TEARDOWN\",\"framework_id\":{\"value\":\"" + id.getValue() + "\"}}")
                .getBytes(UTF_8);

        var missing = Http.post(master.uri("/api/v1/scheduler"), teardown, "Content-Type", Http.JSON);
        var wrong = Http.post(master.uri("/api/v1/scheduler"), teardown, "Content-Type", Http.JSON,
                "Mesos-Stream-Id", "not-the-stream");

        assertEquals(400, missing.statusCode());
        assertEquals("All non-subscribe calls should include the 'Mesos-Stream-Id' header", Http.text(missing));
        assertEquals(400, wrong.statusCode());
        assertEquals("The stream ID 'not-the-stream' included in this request didn't match the stream ID currently"
                + " associated with framework ID " + id.getValue(), Http.text(wrong));
        var right = framework.call(Call.newBuilder().setType(Call.Type.TEARDOWN));
        assertEquals(202, right.statusCode(), () -> Http.text(right));
        assertEquals("end", framework.awaitEnd(), "the torn-down framework's stream is closed");
    }

    @Test
    void anInvalidRoleIsRefusedWithAnErrorEventAndTheStreamEnds() throws Exception {
        @SuppressWarnings("deprecation")
        FrameworkInfo badRole = FRAMEWORK.toBuilder().setRole("/leading/slash").build();
        SchedulerSession framework = master.framework(Http.JSON, badRole);

        assertEquals(200, framework.status());
        Event error = framework.next(Event.Type.ERROR);
        assertTrue(error.getError().getMessage().startsWith("'FrameworkInfo.role' is not a valid role: "),
                error.getError().getMessage());
        assertEquals("end", framework.awaitEnd());
    }

    @Test
    void resubscribingFailsOverTheOldStreamAndKeepsTheId() throws Exception {
        SchedulerSession first = master.framework(Http.JSON, FRAMEWORK.toBuilder().setFailoverTimeout(60).build());
        FrameworkID id = first.subscribed();

        SchedulerSession second = master.framework(Http.PROTOBUF,
                FRAMEWORK.toBuilder().setFailoverTimeout(60).setId(id).build());

        assertEquals(id, second.subscribed());
        assertNotEquals(first.streamId(), second.streamId());
        assertEquals("Framework failed over", first.next(Event.Type.ERROR).getError().getMessage());
        assertEquals("end", first.awaitEnd());
    }

    @Test
    void anUnknownFrameworkIdIsTakenAsAReregistration() throws Exception {
        FrameworkID chosen = FrameworkID.newBuilder().setValue("chosen-by-the-framework").build();
        SchedulerSession framework = master.framework(Http.JSON, FRAMEWORK.toBuilder().setId(chosen).build());

        assertEquals(chosen, framework.subscribed());
    }

    @Test
    void aTornDownFrameworkCannotSubscribeAgain() throws Exception {
        SchedulerSession framework = master.framework(Http.JSON, FRAMEWORK);
        FrameworkID id = framework.subscribed();
        framework.accepted(Call.newBuilder().setType(Call.Type.TEARDOWN));

        SchedulerSession again = master.framework(Http.JSON, FRAMEWORK.toBuilder().setId(id).build());

        assertEquals("Framework has been removed", again.next(Event.Type.ERROR).getError().getMessage());
        assertEquals("end", again.awaitEnd());
    }

    @Test
    void aDisconnectedFrameworkIsRefusedUntilItSubscribesAgain() throws Exception {
        SchedulerSession framework = master.framework(Http.JSON, FRAMEWORK.toBuilder().setFailoverTimeout(60).build());
        FrameworkID id = framework.subscribed();
        String streamId = framework.streamId();
        framework.close();
        byte[] revive = ("{\"type\":\"REVIVE\",\"framework_id\":{\"value\":\"" + id.getValue() + "\"}}")
                .getBytes(UTF_8);

        Eventually.await("the master notices the disconnection", () -> Http.post(
                master.uri("/api/v1/scheduler"), revive, "Content-Type", Http.JSON, "Mesos-Stream-Id", streamId)
                .statusCode() == 403);
        var refused = Http.post(master.uri("/api/v1/scheduler"), revive, "Content-Type", Http.JSON,
                "Mesos-Stream-Id", streamId);
        assertEquals("Framework is not subscribed", Http.text(refused));
        SchedulerSession back = master.framework(Http.JSON, FRAMEWORK.toBuilder().setId(id).build());
        assertEquals(id, back.subscribed());
    }

    @Test
    void updateFrameworkAnswers200AndRefusesAChangedUser() throws Exception {
        SchedulerSession framework = master.framework(Http.JSON, FRAMEWORK);
        FrameworkID id = framework.subscribed();
        FrameworkInfo renamed = FRAMEWORK.toBuilder().setId(id).setName("renamed").build();

        var ok = framework.call(Call.newBuilder().setType(Call.Type.UPDATE_FRAMEWORK)
                .setUpdateFramework(Call.UpdateFramework.newBuilder().setFrameworkInfo(renamed)));
        var refused = framework.call(Call.newBuilder().setType(Call.Type.UPDATE_FRAMEWORK)
                .setUpdateFramework(Call.UpdateFramework.newBuilder()
                        .setFrameworkInfo(renamed.toBuilder().setUser("root"))));

        assertEquals(200, ok.statusCode(), () -> Http.text(ok));
        assertEquals("renamed", master.frameworkJson(id.getValue()).get("name"));
        assertEquals(400, refused.statusCode());
        assertEquals("FrameworkInfo update is not valid: Updating 'FrameworkInfo.user' is unsupported; attempted"
                + " to update from 'test' to 'root'", Http.text(refused));
    }
}
