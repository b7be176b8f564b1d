package org.meseta.master.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.testing.JsonTree.object;
import static org.meseta.testing.JsonTree.string;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.Flag;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.meseta.api.json.JsonCodec;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The v1 operator API, {@code POST /api/v1}, over real HTTP in both encodings. */
class OperatorApiTest {

    private static final List<String> PATHS = List.of("/api/v1", "/master/api/v1");

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

    private static Call call(Call.Type type) {
        return Call.newBuilder().setType(type).build();
    }

    private URI api() {
        return master.uri("/api/v1");
    }

    private HttpResponse<byte[]> postJson(String path, String body) throws Exception {
        return Http.post(master.uri(path), body, "Content-Type", Http.JSON);
    }

    /** Sends the call as JSON and decodes the JSON answer, checking status and media type on the way. */
    private Response callJson(String path, Call call) throws Exception {
        var response = postJson(path, JsonCodec.encodeToString(call));
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        assertEquals(Http.JSON, Http.contentType(response));
        return JsonCodec.decode(response.body(), Response.newBuilder()).build();
    }

    /** Sends the call as protobuf and decodes the protobuf answer. */
    private Response callProtobuf(String path, Call call) throws Exception {
        var response = Http.post(master.uri(path), call.toByteArray(), "Content-Type", Http.PROTOBUF,
                "Accept", Http.PROTOBUF);
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        assertEquals(Http.PROTOBUF, Http.contentType(response), "exactly, without parameters");
        return Response.parseFrom(response.body());
    }

    @TestFactory
    Stream<DynamicTest> getHealthIsHealthyOnBothPathsInBothEncodings() {
        return PATHS.stream().flatMap(path -> Stream.of(
                DynamicTest.dynamicTest(path + " json", () -> {
                    var response = postJson(path, "{\"type\":\"GET_HEALTH\"}");
                    assertEquals(200, response.statusCode());
                    assertEquals(Map.of("type", "GET_HEALTH", "get_health", Map.of("healthy", true)),
                            JsonTree.parse(Http.text(response)));
                }),
                DynamicTest.dynamicTest(path + " protobuf", () -> {
                    Response response = callProtobuf(path, call(Call.Type.GET_HEALTH));
                    assertEquals(Response.Type.GET_HEALTH, response.getType());
                    assertTrue(response.getGetHealth().getHealthy());
                })));
    }

    @Test
    void getVersionReportsTheMesosApiLevel() throws Exception {
        for (Response response : List.of(callJson("/api/v1", call(Call.Type.GET_VERSION)),
                callProtobuf("/master/api/v1", call(Call.Type.GET_VERSION)))) {
            assertEquals(Response.Type.GET_VERSION, response.getType());
            assertEquals("1.11.0", response.getGetVersion().getVersionInfo().getVersion());
            assertEquals("meseta", response.getGetVersion().getVersionInfo().getBuildUser());
        }
    }

    @Test
    void getFlagsListsEveryEffectiveFlag() throws Exception {
        Response response = callProtobuf("/api/v1", call(Call.Type.GET_FLAGS));

        assertEquals(Response.Type.GET_FLAGS, response.getType());
        Map<String, String> flags = new TreeMap<>();
        for (Flag flag : response.getGetFlags().getFlagsList()) {
            flags.put(flag.getName(), flag.getValue());
        }
        assertEquals("10mins", flags.get("agent_ping_timeout"));
        assertEquals(String.valueOf(master.port), flags.get("port"));
        assertEquals(workDir.toString(), flags.get("work_dir"));
        assertEquals(object(master.state(), "flags"), Map.copyOf(flags));
    }

    @Test
    void getMasterDescribesThisMaster() throws Exception {
        double before = System.currentTimeMillis() / 1000.0;
        Response response = callJson("/master/api/v1", call(Call.Type.GET_MASTER));

        assertEquals(Response.Type.GET_MASTER, response.getType());
        MasterInfo info = response.getGetMaster().getMasterInfo();
        assertEquals(master.id(), info.getId());
        assertEquals(16777343, info.getIp());
        assertEquals(master.port, info.getPort());
        assertEquals("master@127.0.0.1:" + master.port, info.getPid());
        assertEquals(TestMaster.HOSTNAME, info.getHostname());
        assertEquals("127.0.0.1", info.getAddress().getIp());
        assertEquals("1.11.0", info.getVersion());
        assertTrue(response.getGetMaster().getStartTime() <= before + 0.01);
        assertEquals(JsonTree.number(master.state(), "start_time").doubleValue(),
                response.getGetMaster().getStartTime(), 1e-6);
        assertEquals(JsonTree.number(master.state(), "elected_time").doubleValue(),
                response.getGetMaster().getElectedTime(), 1e-6);
        assertTrue(response.getGetMaster().getElectedTime() >= response.getGetMaster().getStartTime());
    }

    @Test
    void getAgentsIsEmptyBeforeAnyAgentSubscribes() throws Exception {
        var response = postJson("/api/v1", "{\"type\":\"GET_AGENTS\"}");

        assertEquals(Map.of("type", "GET_AGENTS", "get_agents", Map.of()), JsonTree.parse(Http.text(response)));
    }

    @Test
    void getAgentsDescribesSubscribedAgentsAndTheirActivity() throws Exception {
        long before = System.currentTimeMillis();
        LinkSession link = master.subscribe(LinkSession.subscription(null, 15051));
        String id = link.registered().agentId().getValue();

        Response.GetAgents agents = callProtobuf("/api/v1", call(Call.Type.GET_AGENTS)).getGetAgents();

        assertEquals(1, agents.getAgentsCount());
        Response.GetAgents.Agent agent = agents.getAgents(0);
        assertEquals(id, agent.getAgentInfo().getId().getValue());
        assertEquals("agent-15051.test", agent.getAgentInfo().getHostname());
        assertEquals("slave(1)@127.0.0.1:15051", agent.getPid());
        assertEquals("1.11.0", agent.getVersion());
        assertTrue(agent.getActive());
        assertFalse(agent.getDeactivated());
        assertTrue(agent.getRegisteredTime().getNanoseconds() / 1_000_000 >= before - 10);
        assertFalse(agent.hasReregisteredTime());
        assertEquals(List.of("cpus", "mem", "disk", "ports"),
                agent.getTotalResourcesList().stream().map(Resource::getName).toList());

        link.close();
        Eventually.await("GET_AGENTS shows the agent inactive",
                () -> !callJson("/api/v1", call(Call.Type.GET_AGENTS)).getGetAgents().getAgents(0).getActive());
        master.subscribe(LinkSession.subscription(id, 15051)).registered();

        Response.GetAgents.Agent again = callJson("/api/v1", call(Call.Type.GET_AGENTS)).getGetAgents().getAgents(0);
        assertTrue(again.getActive());
        assertTrue(again.hasReregisteredTime());
        assertTrue(again.getReregisteredTime().getNanoseconds() >= again.getRegisteredTime().getNanoseconds());
    }

    @Test
    void theAnswerFollowsAcceptNotContentType() throws Exception {
        var protobufAnswer = Http.post(api(), "{\"type\":\"GET_HEALTH\"}", "Content-Type", Http.JSON,
                "Accept", Http.PROTOBUF);
        assertEquals(Http.PROTOBUF, Http.contentType(protobufAnswer));
        assertTrue(Response.parseFrom(protobufAnswer.body()).getGetHealth().getHealthy());

        var jsonAnswer = Http.post(api(), call(Call.Type.GET_HEALTH).toByteArray(), "Content-Type", Http.PROTOBUF,
                "Accept", Http.JSON);
        assertEquals(Http.JSON, Http.contentType(jsonAnswer));
        assertEquals("GET_HEALTH", string(JsonTree.parseObject(Http.text(jsonAnswer)), "type"));
    }

    @TestFactory
    Stream<DynamicTest> clientsAsTheyReallyAreGetJson() {
        String[][] headers = {
            {"Content-Type", Http.JSON},
            {"Content-Type", Http.JSON, "Accept", "*/*"},
            {"Content-Type", Http.JSON, "Accept", "application/json, application/json"},
            {"Content-Type", "application/json; charset=utf-8"},
            {"Content-Type", "Application/JSON"},
        };
        return Stream.of(headers).map(row -> DynamicTest.dynamicTest(String.join(" ", row), () -> {
            var response = Http.post(api(), "{\"type\":\"GET_HEALTH\"}", row);

            assertEquals(200, response.statusCode(), () -> Http.text(response));
            assertEquals(Http.JSON, Http.contentType(response));
        }));
    }

    @TestFactory
    Stream<DynamicTest> badRequestsAreRefusedWithTheMesosStatusAndAReason() {
        record Row(String name, byte[] body, String[] headers, int status, String reason) {}
        byte[] health = "{\"type\":\"GET_HEALTH\"}".getBytes(UTF_8);
        List<Row> rows = List.of(
                new Row("no Content-Type", health, new String[0], 400, "Expecting 'Content-Type' to be present"),
                new Row("text Content-Type", health, new String[] {"Content-Type", "text/plain"}, 415,
                        "Expecting 'Content-Type' of application/json or application/x-protobuf"),
                new Row("Accept allows neither", health,
                        new String[] {"Content-Type", Http.JSON, "Accept", "text/html"}, 406,
                        "Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'"),
                new Row("malformed JSON", "{\"type\":".getBytes(UTF_8),
                        new String[] {"Content-Type", Http.JSON}, 400, "Failed to parse body into JSON: "),
                new Row("JSON that is no Call", "{\"type\":[1]}".getBytes(UTF_8),
                        new String[] {"Content-Type", Http.JSON}, 400, "Failed to convert JSON into Call protobuf: "),
                new Row("malformed protobuf", new byte[] {(byte) 0xff, (byte) 0xff, 0x01},
                        new String[] {"Content-Type", Http.PROTOBUF}, 400, "Failed to parse body into Call protobuf"),
                new Row("no type", "{}".getBytes(UTF_8),
                        new String[] {"Content-Type", Http.JSON}, 400, "Expecting 'type' to be present"),
                new Row("unknown type name", "{\"type\":\"NO_SUCH_CALL\"}".getBytes(UTF_8),
                        new String[] {"Content-Type", Http.JSON}, 400, "Expecting 'type' to be present"));
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> {
            var response = Http.post(api(), row.body(), row.headers());

            assertEquals(row.status(), response.statusCode(), () -> Http.text(response));
            assertTrue(Http.text(response).startsWith(row.reason()), Http.text(response));
        }));
    }

    @Test
    void getIsNotAllowed() throws Exception {
        var response = Http.get(api());

        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("Allow").orElseThrow());
    }

    @TestFactory
    Stream<DynamicTest> callsNotImplementedYetAnswer501NamingTheCall() {
        return Stream.of(Call.Type.GET_MAINTENANCE_STATUS, Call.Type.SET_LOGGING_LEVEL, Call.Type.UNKNOWN)
                .map(type -> DynamicTest.dynamicTest(type.name(), () -> {
                    var response = Http.post(api(), call(type).toByteArray(), "Content-Type", Http.PROTOBUF);

                    assertEquals(501, response.statusCode());
                    assertEquals("Call type " + type + " is not supported by this Meseta master yet",
                            Http.text(response));
                }));
    }
}
