package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;

/**
 * The scheduler API's answers to bad requests, over plain HTTP against a real master process: the cases of Mesos's
 * scheduler HTTP API tests, with Mesos's status codes and texts.
 */
class SchedulerProtocolTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SUBSCRIBE = "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":"
            + "{\"user\":\"test\",\"name\":\"protocol\"}}}";
    private static final String JSON = "application/json";

    @TempDir
    static Path workDir;

    private static MesetaProcess master;
    private static URI scheduler;

    @BeforeAll
    static void startMaster() {
        int port = Cluster.freePort();
        master = MesetaProcess.start("protocol-master", "daemons/bin/meseta-master", "--ip=127.0.0.1",
                "--port=" + port, "--work_dir=" + workDir);
        Cluster.awaitState("127.0.0.1:" + port, Duration.ofSeconds(60), "the master answers", state -> true);
        scheduler = URI.create("http://127.0.0.1:" + port + "/api/v1/scheduler");
    }

    @AfterAll
    static void stopMaster() {
        master.close();
    }

    private static HttpResponse<String> post(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(scheduler).timeout(Duration.ofSeconds(10))
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Stream<Arguments> badRequests() {
        String teardown = "{\"type\":\"TEARDOWN\",\"framework_id\":{\"value\":\"f\"}}";
        String badAck = "{\"type\":\"ACKNOWLEDGE\",\"framework_id\":{\"value\":\"f\"},\"acknowledge\":{\"agent_id\":"
                + "{\"value\":\"a\"},\"task_id\":{\"value\":\"t\"},\"uuid\":\"bm90LWEtdXVpZA==\"}}";
        return Stream.of(
                Arguments.of("no Content-Type", SUBSCRIBE, new String[0], 400,
                        "Expecting 'Content-Type' to be present"),
                Arguments.of("unsupported Content-Type", SUBSCRIBE, new String[] {"Content-Type", "text/plain"}, 415,
                        "Expecting 'Content-Type' of application/json or application/x-protobuf"),
                Arguments.of("malformed JSON", "{\"type\":", new String[] {"Content-Type", JSON}, 400,
                        "Failed to parse body into JSON: "),
                Arguments.of("JSON that is not a Call", "[1,2]", new String[] {"Content-Type", JSON}, 400,
                        "Failed to convert JSON into Call protobuf: "),
                Arguments.of("an unknown call type", "{\"type\":\"JUMP\"}", new String[] {"Content-Type", JSON}, 400,
                        "Failed to "),
                Arguments.of("Accept allowing neither encoding", SUBSCRIBE,
                        new String[] {"Content-Type", JSON, "Accept", "text/html"}, 406,
                        "Expecting 'Accept' to allow"),
                Arguments.of("SUBSCRIBE with a stream id", SUBSCRIBE,
                        new String[] {"Content-Type", JSON, "Mesos-Stream-Id", "x"}, 400,
                        "Subscribe calls should not include the 'Mesos-Stream-Id' header"),
                Arguments.of("TEARDOWN of an unknown framework", teardown, new String[] {"Content-Type", JSON}, 400,
                        "Framework cannot be found"),
                Arguments.of("ACKNOWLEDGE with a malformed uuid", badAck, new String[] {"Content-Type", JSON}, 400,
                        "Failed to validate scheduler::Call: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsGetMesosStatusAndReason(String name, String body, String[] headers, int status, String reason)
            throws Exception {
        HttpResponse<String> response = post(body, headers);

        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().startsWith(reason), () -> "reason: " + response.body());
    }

    @Test
    void callsWithoutOrWithAnotherStreamIdAreRefused() throws Exception {
        try (SchedulerClient framework = SchedulerClient.subscribe(scheduler.getAuthority(), Wire.JSON,
                SchedulerClient.framework("streams"))) {
            String teardown = "{\"type\":\"TEARDOWN\",\"framework_id\":{\"value\":\"" + framework.id().getValue()
                    + "\"}}";

            HttpResponse<String> without = post(teardown, "Content-Type", JSON);
            HttpResponse<String> other = post(teardown, "Content-Type", JSON, "Mesos-Stream-Id", "not-the-stream");

            assertEquals(400, without.statusCode());
            assertEquals("All non-subscribe calls should include the 'Mesos-Stream-Id' header", without.body());
            assertEquals(400, other.statusCode());
            assertTrue(other.body().startsWith("The stream ID 'not-the-stream' included in this request didn't match"),
                    other.body());
        }
    }

    @Test
    void getIsNotAllowed() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(scheduler).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(405, response.statusCode());
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("POST"), response.headers().toString());
    }

    @Test
    void anUnknownPathIsNotFound() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(scheduler.resolve("/api/v1/nowhere"))
                .header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofString(SUBSCRIBE)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        String huge = "{\"type\":\"SUBSCRIBE\",\"padding\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}";

        assertEquals(413, post(huge, "Content-Type", JSON).statusCode());
    }

    @Test
    void withoutAcceptTheStreamIsJsonWithAStreamId() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(scheduler).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(SUBSCRIBE)).build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertEquals(200, response.statusCode());
            assertEquals(JSON, response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.headers().firstValue("Mesos-Stream-Id").isPresent());
            String first = new String(body.readNBytes(40));
            assertTrue(first.matches("(?s)\\d+\n\\{\"type\":\"SUBSCRIBED\".*"), first);
        }
    }

    @Test
    void anInvalidRoleGetsAnErrorEventOnA200Stream() throws Exception {
        String invalid = "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":\"test\",\"name\":\"n\","
                + "\"roles\":[\"..\"],\"capabilities\":[{\"type\":\"MULTI_ROLE\"}]}}}";
        HttpResponse<String> response = post(invalid, "Content-Type", JSON);

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"type\":\"ERROR\""), response.body());
    }
}
