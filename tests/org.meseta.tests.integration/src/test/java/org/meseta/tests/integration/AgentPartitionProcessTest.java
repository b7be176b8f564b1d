package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;

/**
 * An agent partitioned from its master by a proxy the test cuts (master and agent are real processes), as Mesos's
 * {@code PartitionTest.ReregisterSlavePartitionAware} and {@code ReregisterSlaveNotPartitionAware} do it: after
 * {@code --agent_ping_timeout} × {@code --max_agent_ping_timeouts} unanswered pings the agent is unreachable, a
 * partition-aware framework's task is TASK_UNREACHABLE and another framework's TASK_LOST; the tasks run on; once the
 * partition heals the agent re-registers under its id and both frameworks get TASK_RUNNING back for the same
 * processes. Marking the agent gone then ends its tasks (TASK_GONE_BY_OPERATOR, TASK_LOST) and shuts it down.
 */
class AgentPartitionProcessTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path workDir;

    @Test
    void aPartitionedAgentIsUnreachableThenKeepsItsTasksWhenItHeals() throws Exception {
        int masterPort = Cluster.freePort();
        String master = "127.0.0.1:" + masterPort;
        try (MesetaProcess masterProcess = MesetaProcess.start("partition-master", "daemons/bin/meseta-master",
                        "--ip=127.0.0.1", "--port=" + masterPort, "--work_dir=" + workDir.resolve("master"),
                        "--agent_ping_timeout=1secs", "--max_agent_ping_timeouts=3");
                PartitionProxy proxy = PartitionProxy.start(masterPort);
                MesetaProcess agent = MesetaProcess.start("partition-agent", "daemons/bin/meseta-agent",
                        "--master=" + proxy.address(), "--ip=127.0.0.1", "--port=" + Cluster.freePort(),
                        "--work_dir=" + workDir.resolve("agent"), "--registration_backoff_factor=100ms");
                Workload workload = new Workload(workDir)) {
            String agentId = Cluster.awaitState(master, START, "the agent active", s -> Cluster.activeAgents(s) == 1)
                    .path("slaves").get(0).path("id").asText();
            SchedulerClient aware = SchedulerClient.subscribe(master, Wire.PROTOBUF,
                    SchedulerClient.framework("aware", Capability.Type.PARTITION_AWARE));
            SchedulerClient plain = SchedulerClient.subscribe(master, Wire.JSON, SchedulerClient.framework("plain"));
            Workload.launch(aware, "aware-1", workload.sleeper("aware-1"));
            Workload.awaitStates(aware, Map.of("aware-1", TaskState.TASK_RUNNING), true);
            Workload.launch(plain, "plain-1", workload.sleeper("plain-1"));
            Workload.awaitStates(plain, Map.of("plain-1", TaskState.TASK_RUNNING), true);
            Map<String, Long> pids = Map.of("aware-1", workload.pid("aware-1"), "plain-1", workload.pid("plain-1"));

            proxy.cut();

            TaskStatus unreachable = Workload.awaitStates(aware, Map.of("aware-1", TaskState.TASK_UNREACHABLE), true)
                    .get("aware-1");
            TaskStatus lost = Workload.awaitStates(plain, Map.of("plain-1", TaskState.TASK_LOST), true)
                    .get("plain-1");
            for (TaskStatus status : new TaskStatus[] {unreachable, lost}) {
                assertEquals(TaskStatus.Reason.REASON_AGENT_REMOVED, status.getReason(), status.toString());
                assertEquals(agentId, status.getAgentId().getValue());
                assertTrue(status.hasUnreachableTime(), status.toString());
            }
            JsonNode state = Cluster.getJson(master, "/master/state").orElseThrow();
            assertEquals(1, state.path("unreachable_slaves").asInt(), state.toString());
            assertEquals(0, state.path("slaves").size(), "no admitted agent: " + state.path("slaves"));
            pids.forEach((task, pid) -> assertTrue(Workload.isAlive(pid), task + " runs on behind the partition"));

            proxy.heal();

            // Mesos 1.11 keeps the tasks of an agent that comes back, and tells both kinds of framework.
            TaskStatus back = Workload.awaitStates(aware, Map.of("aware-1", TaskState.TASK_RUNNING), true)
                    .get("aware-1");
            TaskStatus plainBack = Workload.awaitStates(plain, Map.of("plain-1", TaskState.TASK_RUNNING), true)
                    .get("plain-1");
            assertEquals(TaskStatus.Reason.REASON_AGENT_REREGISTERED, back.getReason(), back.toString());
            assertEquals(TaskStatus.Reason.REASON_AGENT_REREGISTERED, plainBack.getReason(), plainBack.toString());
            state = Cluster.awaitState(master, START, "the agent back", s -> Cluster.activeAgents(s) == 1);
            assertEquals(agentId, state.path("slaves").get(0).path("id").asText(), "under its id");
            assertEquals(0, state.path("unreachable_slaves").asInt());
            for (Map.Entry<String, Long> task : pids.entrySet()) {
                assertEquals("TASK_RUNNING", Workload.taskState(master, task.getKey()));
                assertEquals(task.getValue(), workload.pid(task.getKey()), task.getKey() + ": same process, once");
                assertTrue(Workload.isAlive(task.getValue()));
            }

            assertEquals(200, markGone(master, agentId).statusCode());

            assertEquals(TaskStatus.Reason.REASON_AGENT_REMOVED_BY_OPERATOR, Workload.awaitStates(aware,
                    Map.of("aware-1", TaskState.TASK_GONE_BY_OPERATOR), true).get("aware-1").getReason());
            Workload.awaitStates(plain, Map.of("plain-1", TaskState.TASK_LOST), true);
            Cluster.awaitState(master, START, "the gone agent's tasks killed by the agent",
                    s -> pids.values().stream().noneMatch(Workload::isAlive));
            assertTrue(agent.stderr().contains("shut this agent down"), agent.stderr());
            aware.close();
            plain.close();
        }
    }

    private static HttpResponse<String> markGone(String master, String agentId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + master + "/api/v1"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"MARK_AGENT_GONE\",\"mark_agent_gone\":"
                        + "{\"agent_id\":{\"value\":\"" + agentId + "\"}}}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
