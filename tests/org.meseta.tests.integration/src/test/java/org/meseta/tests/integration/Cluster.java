package org.meseta.tests.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.meseta.testing.Ports;

/** HTTP access to a running master or agent, and bounded waiting for what it reports. */
final class Cluster {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cluster() {}

    /** The first of {@code count} consecutive ports that were free a moment ago on 127.0.0.1. */
    static int freePorts(int count) {
        try {
            return Ports.freeRun(count);
        } catch (IOException e) {
            throw new UncheckedIOException("No free ports on 127.0.0.1", e);
        }
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    static int freePort() {
        try {
            return Ports.free();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /** GET a JSON endpoint; empty while the process is not answering yet. */
    static Optional<JsonNode> getJson(String address, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Polls {@code /master/state} until {@code condition} holds; fails with the last state seen. */
    static JsonNode awaitState(String master, Duration timeout, String description, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(timeout);
        Optional<JsonNode> last = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            last = getJson(master, "/master/state");
            if (last.isPresent() && condition.test(last.get())) {
                return last.get();
            }
            sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + description + "; last state: "
                + last.map(JsonNode::toString).orElse("<no answer>"));
    }

    static long activeAgents(JsonNode state) {
        return StreamSupport.stream(state.path("slaves").spliterator(), false)
                .filter(agent -> agent.path("active").asBoolean()).count();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
