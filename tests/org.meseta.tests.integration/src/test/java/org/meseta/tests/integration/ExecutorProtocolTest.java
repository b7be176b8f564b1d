package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The executor API's answers to bad requests, over plain HTTP against a real agent: the cases of Mesos's executor
 * HTTP API tests, with Mesos's status codes and texts.
 */
class ExecutorProtocolTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String JSON = "application/json";
    private static final String IDS = "\"framework_id\":{\"value\":\"f\"},\"executor_id\":{\"value\":\"e\"}";
    private static final String SUBSCRIBE = "{\"type\":\"SUBSCRIBE\"," + IDS + ",\"subscribe\":{}}";

    @TempDir
    static Path workDir;

    private static LocalCluster cluster;
    private static URI executorApi;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("executor-protocol-local", workDir, 1);
        executorApi = URI.create("http://" + cluster.agents().get(0) + "/api/v1/executor");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    static Stream<Arguments> badRequests() {
        String message = "{\"type\":\"MESSAGE\"," + IDS + ",\"message\":{\"data\":\"aGk=\"}}";
        return Stream.of(
                Arguments.of("no Content-Type", SUBSCRIBE, new String[0], 400,
                        "Expecting 'Content-Type' to be present"),
                Arguments.of("unsupported Content-Type", SUBSCRIBE, new String[] {"Content-Type", "text/plain"}, 415,
                        "Expecting 'Content-Type' of application/json or application/x-protobuf"),
                Arguments.of("malformed JSON", "{\"type\":", new String[] {"Content-Type", JSON}, 400, "Failed to "),
                Arguments.of("SUBSCRIBE without subscribe", "{\"type\":\"SUBSCRIBE\"," + IDS + "}",
                        new String[] {"Content-Type", JSON}, 400,
                        "Failed to validate Executor::Call: Expecting 'subscribe' to be present"),
                Arguments.of("SUBSCRIBE whose Accept allows neither encoding", SUBSCRIBE,
                        new String[] {"Content-Type", JSON, "Accept", "text/html"}, 406,
                        "Expecting 'Accept' to allow"),
                Arguments.of("SUBSCRIBE of an unknown framework", SUBSCRIBE, new String[] {"Content-Type", JSON}, 400,
                        "Framework cannot be found"),
                Arguments.of("MESSAGE from an unknown framework", message, new String[] {"Content-Type", JSON}, 400,
                        "Framework cannot be found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsGetMesosStatusAndReason(String name, String body, String[] headers, int status, String reason)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(executorApi).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }

        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().startsWith(reason), () -> "reason: " + response.body());
    }

    @Test
    void getIsNotAllowed() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(executorApi).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(405, response.statusCode());
    }
}
