package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meseta-local --masters=3}: three masters elect a leader through the embedded ZooKeeper, the agents register
 * with it, and after {@code kill -USR2} (the printed way to stop the leader) another master leads, the agents are
 * active in it with the same ids, and the stopped master is back as a standby that redirects to the new leader.
 */
class LocalFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern SIGNAL = Pattern.compile("kill -USR2 (\\d+)");

    @TempDir
    Path workDir;

    @Test
    void stoppingTheLeaderHandsTheClusterToAnotherMasterAndTheAgentsFollow() throws Exception {
        int port = Cluster.freePorts(5);
        try (MesetaProcess local = MesetaProcess.start("local-failover", "daemons/bin/meseta-local",
                "--port=" + port, "--masters=3", "--num_agents=2", "--zk_port=" + Cluster.freePort(),
                "--work_dir=" + workDir)) {
            int leader = awaitLeader(port, Optional.empty());
            Set<String> agents = agentIds(Cluster.awaitState("127.0.0.1:" + leader, WAIT, "two active agents",
                    state -> Cluster.activeAgents(state) == 2));
            Matcher signal = SIGNAL.matcher(awaitOutput(local, SIGNAL));
            assertTrue(signal.find());

            assertEquals(0, new ProcessBuilder("kill", "-USR2", signal.group(1)).start().waitFor());

            int newLeader = awaitLeader(port, Optional.of(leader));
            assertNotEquals(leader, newLeader);
            JsonNode state = Cluster.awaitState("127.0.0.1:" + newLeader, WAIT, "both agents back, active",
                    s -> Cluster.activeAgents(s) == 2 && agentIds(s).equals(agents));
            assertEquals("master@127.0.0.1:" + newLeader, state.path("leader").asText());
            awaitRedirect(leader, newLeader);
            assertEquals(143, local.terminate(WAIT));
        }
    }

    /** The port of the master that {@code /redirect} of the first master names, once it is not {@code other}. */
    private static int awaitLeader(int firstPort, Optional<Integer> other) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<Integer> leader = redirect(firstPort, "/redirect").map(location -> Integer.parseInt(
                    location.substring(location.lastIndexOf(':') + 1)));
            if (leader.isPresent() && !leader.equals(other)) {
                return leader.get();
            }
            Cluster.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("No leader other than " + other + " within " + WAIT);
    }

    /** Waits until the master on {@code port} redirects {@code /master/state} to the one on {@code leader}. */
    private static void awaitRedirect(int port, int leader) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (redirect(port, "/master/state").filter(location -> location.endsWith(":" + leader + "/master/state"))
                    .isPresent()) {
                return;
            }
            Cluster.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("The master on " + port + " did not redirect to " + leader + " within " + WAIT);
    }

    /** The {@code Location} of a 307 answer to GET {@code path}; empty for any other answer or none. */
    private static Optional<String> redirect(int port, String path) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + path)).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 307 ? response.headers().firstValue("Location") : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String awaitOutput(MesetaProcess process, Pattern pattern) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (pattern.matcher(process.stdout()).find()) {
                return process.stdout();
            }
            Cluster.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("No " + pattern + " in the output within " + WAIT + ": " + process.stdout());
    }

    private static Set<String> agentIds(JsonNode state) {
        Set<String> ids = new TreeSet<>();
        state.path("slaves").forEach(agent -> ids.add(agent.path("id").asText()));
        return ids;
    }
}
