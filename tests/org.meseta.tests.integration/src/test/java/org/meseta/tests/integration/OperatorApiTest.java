package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.tests.v1client.Calls;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;

/**
 * The master's v1 operator API on a real meseta-local, as an operator's tool reads it: plain HTTP, a JSON body, the
 * answer parsed as JSON without any Meseta or Mesos code. A framework runs a task; GET_TASKS and GET_FRAMEWORKS show
 * it running, then completed after TEARDOWN. An operator drains the agent running a task, then reactivates it.
 */
class OperatorApiTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workDir;

    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("operator-local", workDir, 1, "--resources=cpus:4;mem:2048;disk:1024");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    /** POSTs {@code {"type": type}} to the master's {@code /api/v1} and parses the JSON answer. */
    private static JsonNode operator(String type) throws Exception {
        HttpResponse<String> response = post("{\"type\":\"" + type + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode answer = JSON.readTree(response.body());
        assertEquals(type, answer.path("type").asText());
        return answer;
    }

    /** POSTs a call that changes something, {@code body} in JSON; it must answer 200 with an empty body. */
    private static void done(String body) throws Exception {
        HttpResponse<String> response = post(body);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("", response.body());
    }

    private static HttpResponse<String> post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + cluster.master() + "/api/v1"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The element of {@code array} whose {@code path} (dot-separated fields) has the text {@code value}. */
    private static JsonNode find(JsonNode array, String path, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(element -> {
                    JsonNode field = element;
                    for (String name : path.split("\\.")) {
                        field = field.path(name);
                    }
                    return value.equals(field.asText());
                })
                .findFirst().orElseThrow(() -> new AssertionError("no " + path + " " + value + " in " + array));
    }

    private static double scalar(JsonNode resources, String name) {
        return StreamSupport.stream(resources.spliterator(), false)
                .filter(resource -> name.equals(resource.path("name").asText()))
                .mapToDouble(resource -> resource.path("scalar").path("value").asDouble()).sum();
    }

    @Test
    void getTasksAndGetFrameworksShowARunningTaskThenItsCompletion() throws Exception {
        String frameworkId;
        try (SchedulerClient framework = SchedulerClient.subscribe(cluster.master(), Wire.JSON,
                SchedulerClient.framework("operated"))) {
            frameworkId = framework.id().getValue();
            Offer offer = framework.await(Event.Type.OFFERS).getOffers().getOffers(0);
            TaskInfo task = Calls.commandTask("sleeper", offer, "sleep 1000", 0.5, 64).build();
            framework.accepted(Calls.launch(offer, task));
            TaskStatus running;
            do {
                running = framework.awaitUpdate();
                if (running.hasUuid()) {
                    framework.acknowledge(running);
                }
            } while (running.getState() != TaskState.TASK_RUNNING);

            JsonNode tasks = operator("GET_TASKS").path("get_tasks").path("tasks");
            assertEquals(1, tasks.size(), tasks::toString);
            JsonNode shown = tasks.get(0);
            assertEquals("sleeper", shown.path("task_id").path("value").asText());
            assertEquals(frameworkId, shown.path("framework_id").path("value").asText());
            assertEquals(offer.getAgentId().getValue(), shown.path("agent_id").path("value").asText());
            assertEquals("TASK_RUNNING", shown.path("state").asText());

            JsonNode frameworks = operator("GET_FRAMEWORKS").path("get_frameworks").path("frameworks");
            assertEquals(1, frameworks.size(), frameworks::toString);
            JsonNode entry = frameworks.get(0);
            assertEquals(frameworkId, entry.path("framework_info").path("id").path("value").asText());
            assertEquals("operated", entry.path("framework_info").path("name").asText());
            assertTrue(entry.path("active").asBoolean(), entry::toString);
            assertTrue(entry.path("connected").asBoolean(), entry::toString);
            assertEquals(0.5, scalar(entry.path("allocated_resources"), "cpus"), 1e-9);
            assertTrue(entry.path("registered_time").path("nanoseconds").asLong() > 0, entry::toString);

            framework.accepted(Call.newBuilder().setType(Call.Type.TEARDOWN));
            framework.awaitEnd();
        }

        JsonNode frameworks = operator("GET_FRAMEWORKS").path("get_frameworks");
        assertTrue(StreamSupport.stream(frameworks.path("frameworks").spliterator(), false).noneMatch(entry ->
                frameworkId.equals(entry.path("framework_info").path("id").path("value").asText())),
                frameworks::toString);
        find(frameworks.path("completed_frameworks"), "framework_info.id.value", frameworkId);
        JsonNode tasks = operator("GET_TASKS").path("get_tasks");
        assertTrue(tasks.path("tasks").isEmpty(), tasks::toString);
        assertEquals("TASK_KILLED", find(tasks.path("completed_tasks"), "task_id.value", "sleeper").path("state")
                .asText());
    }

    /**
     * Waits until the stubborn task's shell has set its trap (it says so on stdout): TASK_RUNNING comes as soon as
     * the process is started, and a SIGTERM before the trap would end it.
     */
    private static void awaitTermIgnored(String agentId, String frameworkId) throws InterruptedException {
        String sandbox = cluster.sandbox(agentId, frameworkId, "stubborn");
        long deadline = System.nanoTime() + SchedulerClient.WAIT.toNanos();
        while (!Sandboxes.read(cluster.agentAddress(agentId), sandbox, "stdout").contains("ignoring TERM")) {
            assertTrue(System.nanoTime() < deadline, "the task ignores SIGTERM within " + SchedulerClient.WAIT);
            Thread.sleep(50);
        }
    }

    /**
     * DRAIN_AGENT on the real agent: its task, which ignores SIGTERM and would have an hour's grace, is killed after
     * the drain's one second; once the update is acknowledged the agent is DRAINED, and REACTIVATE_AGENT brings it
     * back into the offers.
     */
    @Test
    void aDrainedAgentKillsItsTaskWithinTheDrainsGracePeriodAndIsOfferedAgainOnceReactivated() throws Exception {
        try (SchedulerClient framework = SchedulerClient.subscribe(cluster.master(), Wire.JSON,
                SchedulerClient.framework("drained"))) {
            Offer offer = framework.await(Event.Type.OFFERS).getOffers().getOffers(0);
            String agentId = offer.getAgentId().getValue();
            TaskInfo task = Calls.commandTask("stubborn", offer,
                    "trap '' TERM; echo ignoring TERM; while :; do sleep 1; done", 0.5, 64)
                    .setKillPolicy(KillPolicy.newBuilder().setGracePeriod(DurationInfo.newBuilder()
                            .setNanoseconds(Duration.ofHours(1).toNanos())))
                    .build();
            framework.accepted(Calls.launch(offer, task));
            TaskStatus status;
            do {
                status = framework.awaitUpdate();
                if (status.hasUuid()) {
                    framework.acknowledge(status);
                }
            } while (status.getState() != TaskState.TASK_RUNNING);
            awaitTermIgnored(agentId, framework.id().getValue());

            done("{\"type\":\"DRAIN_AGENT\",\"drain_agent\":{\"agent_id\":{\"value\":\"" + agentId
                    + "\"},\"max_grace_period\":{\"seconds\":1}}}");

            JsonNode agent = find(operator("GET_AGENTS").path("get_agents").path("agents"), "agent_info.id.value",
                    agentId);
            assertTrue(agent.path("deactivated").asBoolean(), agent::toString);
            do {
                status = framework.awaitUpdate();
                if (status.hasUuid()) {
                    framework.acknowledge(status);
                }
            } while (status.getState() != TaskState.TASK_KILLED);
            assertEquals("Command terminated with signal Killed", status.getMessage());
            long deadline = System.nanoTime() + SchedulerClient.WAIT.toNanos();
            while (!"DRAINED".equals(drainState(agentId))) {
                assertTrue(System.nanoTime() < deadline, "the agent is DRAINED within " + SchedulerClient.WAIT);
                Thread.sleep(50);
            }

            done("{\"type\":\"REACTIVATE_AGENT\",\"reactivate_agent\":{\"agent_id\":{\"value\":\"" + agentId
                    + "\"}}}");
            assertEquals(agentId, framework.await(Event.Type.OFFERS).getOffers().getOffers(0).getAgentId().getValue());
            framework.accepted(Call.newBuilder().setType(Call.Type.TEARDOWN));
            framework.awaitEnd();
        }
    }

    private static String drainState(String agentId) throws Exception {
        return find(operator("GET_AGENTS").path("get_agents").path("agents"), "agent_info.id.value", agentId)
                .path("drain_info").path("state").asText();
    }
}
