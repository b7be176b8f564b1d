package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.testing.TestZooKeeper;
import org.meseta.tests.v1client.Calls;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;

/**
 * ZooKeeper goes away (its only server stops, as an ensemble that loses its quorum), as in Mesos's
 * {@code MasterZooKeeperTest.LostZooKeeperCluster}: the leader can no longer trust its leadership and exits with 1, no
 * master leads while ZooKeeper is away (the other one answers 503), the agent and its task run on, and once ZooKeeper
 * is back a master leads again, the agent re-registers with the task, the framework subscribes again, and the old
 * leader started again by its supervisor stands by.
 */
class ZooKeeperLossProcessTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path workDir;

    @Test
    void withoutZooKeeperNoMasterLeadsTheTasksRunOnAndTheLeadershipReturnsWithIt() throws Exception {
        int agentPort = Cluster.freePort();
        try (TestZooKeeper zk = TestZooKeeper.start();
                Masters masters = Masters.start("zk-loss", zk.url("/mesos"), 2, workDir);
                MesetaProcess agent = MesetaProcess.start("zk-loss-agent", "daemons/bin/meseta-agent",
                        "--master=" + zk.url("/mesos"), "--ip=127.0.0.1", "--port=" + agentPort,
                        "--work_dir=" + workDir.resolve("agent"), "--registration_backoff_factor=100ms",
                        "--zk_session_timeout=" + Masters.SESSION_TIMEOUT.toMillis() + "ms");
                Workload workload = new Workload(workDir)) {
            int leader = masters.awaitLeader(Instant.now().plus(START), Set.of());
            int other = 1 - leader;
            Cluster.awaitState(masters.address(leader), START, "the agent active", s -> Cluster.activeAgents(s) == 1);
            FrameworkInfo info = SchedulerClient.framework("through-the-outage").toBuilder().setFailoverTimeout(3600)
                    .build();
            try (SchedulerClient framework = SchedulerClient.subscribe(masters.address(leader), Wire.PROTOBUF, info)) {
                info = info.toBuilder().setId(framework.id()).build();
                Workload.launch(framework, "outlasting", workload.sleeper("outlasting"));
                Workload.awaitStates(framework, Map.of("outlasting", TaskState.TASK_RUNNING), true);
            }
            long pid = workload.pid("outlasting");

            zk.stop();

            assertEquals(1, masters.process(leader).awaitExit(START), "the leader exits once it cannot trust it leads");
            assertTrue(masters.process(leader).stderr().contains("Lost leadership"));
            awaitAnswer(masters.address(other), "/redirect", 503, "No leader elected");
            awaitAnswer(masters.address(other), "/master/state", 503, "No leader elected");
            assertTrue(Workload.isAlive(pid), "the task runs on");
            assertTrue(agent.isAlive(), agent.stderr());
            assertEquals("TASK_RUNNING", agentTaskState(agentPort, "outlasting"));

            zk.restart();

            int successor = masters.awaitLeader(Instant.now().plus(START), Set.of(leader));
            assertEquals(other, successor);
            Cluster.awaitState(masters.address(successor), START, "the agent back", s -> Cluster.activeAgents(s) == 1);
            try (SchedulerClient framework = masters.subscribe(successor, Wire.PROTOBUF, info,
                    Instant.now().plus(START))) {
                framework.accepted(Calls.reconcile(null, "outlasting"));
                TaskStatus reconciled = Workload.awaitStates(framework, Map.of("outlasting", TaskState.TASK_RUNNING),
                        true).get("outlasting");
                assertEquals(TaskStatus.Reason.REASON_RECONCILIATION, reconciled.getReason());
            }
            assertEquals(pid, workload.pid("outlasting"), "the same process, started once");
            assertTrue(Workload.isAlive(pid));

            masters.restart(leader, "again");
            masters.awaitFollowing(leader, successor, Instant.now().plus(START));
        }
    }

    /** Polls {@code path} of the master at {@code address} until it answers {@code status} with {@code body}. */
    private static void awaitAnswer(String address, String path, int status, String body) throws Exception {
        Instant deadline = Instant.now().plus(START);
        String last = "<no answer>";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address
                        + path)).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == status && response.body().strip().equals(body)) {
                    return;
                }
                last = response.statusCode() + " " + response.body().strip();
            } catch (IOException e) {
                last = e.toString();
            }
            Cluster.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError(address + path + " did not answer " + status + " " + body + "; last: " + last);
    }

    /** The state the agent's own {@code /state} shows for the task; "none" if it does not list it. */
    private static String agentTaskState(int agentPort, String taskId) {
        JsonNode state = Cluster.getJson("127.0.0.1:" + agentPort, "/slave(1)/state").orElseThrow();
        for (JsonNode framework : state.path("frameworks")) {
            for (JsonNode executor : framework.path("executors")) {
                for (JsonNode task : executor.path("tasks")) {
                    if (task.path("id").asText().equals(taskId)) {
                        return task.path("state").asText();
                    }
                }
            }
        }
        return "none";
    }
}
