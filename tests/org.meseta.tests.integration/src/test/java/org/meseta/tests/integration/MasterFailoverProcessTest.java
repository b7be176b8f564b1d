package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.testing.TestZooKeeper;
import org.meseta.tests.v1client.Calls;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;

/**
 * The leading master crashes (SIGKILL) under a running workload, two masters electing their leader in a real
 * ZooKeeper and one agent following it, as Mesos's {@code MasterFailover} and {@code SchedulerFailover} tests do it
 * with real processes: the other master leads and serves within 10 s, the agent re-registers with its tasks, every
 * task still runs in the process it started in, none is launched twice, and frameworks subscribe again with their ids
 * and get the updates that were pending, including one whose scheduler had died before the master did. And the leader
 * is paused (SIGSTOP) past its ZooKeeper session, as a long garbage collection would: the other master takes over,
 * and once it goes on (SIGCONT) the old leader makes no offer, changes nothing in the registry, and exits with 1.
 */
class MasterFailoverProcessTest {

    /** Issue 6: a new leader serves within this long after the leader's crash. */
    private static final Duration FAILOVER = Duration.ofSeconds(10);
    private static final Duration START = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path workDir;

    @Test
    void aKilledLeadersSuccessorAdoptsEveryRunningTaskAndTheFrameworksFollowIt() throws Exception {
        Path go = workDir.resolve("go");
        try (TestZooKeeper zk = TestZooKeeper.start();
                Masters masters = Masters.start("failover", zk.url("/mesos"), 2, workDir);
                MesetaProcess agent = MesetaProcess.start("failover-agent", "daemons/bin/meseta-agent",
                        "--master=" + zk.url("/mesos"), "--ip=127.0.0.1", "--port=" + Cluster.freePort(),
                        "--work_dir=" + workDir.resolve("agent"), "--resources=cpus:2;mem:1024;disk:1024",
                        "--registration_backoff_factor=100ms",
                        "--zk_session_timeout=" + Masters.SESSION_TIMEOUT.toMillis() + "ms");
                Workload workload = new Workload(workDir)) {
            int leader = masters.awaitLeader(Instant.now().plus(START), Set.of());
            String agentId = Cluster.awaitState(masters.address(leader), START, "the agent active",
                    s -> Cluster.activeAgents(s) == 1).path("slaves").get(0).path("id").asText();
            FrameworkInfo steadyInfo = failingOver("steady");
            FrameworkInfo lateInfo = failingOver("late");
            SchedulerClient steady = SchedulerClient.subscribe(masters.address(leader), Wire.PROTOBUF, steadyInfo);
            Workload.launch(steady, "steady-1", workload.sleeper("steady-1"), "steady-2",
                    workload.sleeper("steady-2"), "ender", "while [ ! -e " + go + " ]; do sleep 0.1; done");
            Workload.awaitStates(steady, Map.of("steady-1", TaskState.TASK_RUNNING, "steady-2",
                    TaskState.TASK_RUNNING, "ender", TaskState.TASK_RUNNING), true);
            TaskStatus unacknowledged;
            try (SchedulerClient late = SchedulerClient.subscribe(masters.address(leader), Wire.JSON, lateInfo)) {
                lateInfo = lateInfo.toBuilder().setId(late.id()).build();
                Workload.launch(late, "late-1", workload.sleeper("late-1"));
                // The scheduler dies with its TASK_RUNNING unacknowledged: the agent keeps it pending.
                Workload.awaitStates(late, Map.of("late-1", TaskState.TASK_STARTING), true);
                unacknowledged = Workload.awaitStates(late, Map.of("late-1", TaskState.TASK_RUNNING), false)
                        .get("late-1");
            }
            Map<String, Long> pids = Map.of("steady-1", workload.pid("steady-1"), "steady-2",
                    workload.pid("steady-2"), "late-1", workload.pid("late-1"));

            Instant crash = Instant.now();
            masters.process(leader).killVm(START);
            Files.createFile(go);

            int successor = masters.awaitLeader(crash.plus(FAILOVER), Set.of(leader));
            assertNotEquals(leader, successor);
            SchedulerClient steadyAgain = masters.subscribe(successor, Wire.PROTOBUF,
                    steadyInfo.toBuilder().setId(steady.id()).build(), crash.plus(FAILOVER));
            steady.close();
            assertEquals(steady.id(), steadyAgain.id(), "the framework keeps its id");
            TaskStatus finished = Workload.awaitStates(steadyAgain, Map.of("ender", TaskState.TASK_FINISHED), true)
                    .get("ender");
            assertEquals(TaskState.TASK_FINISHED, finished.getState(), "the update of the task that ended meanwhile");

            try (SchedulerClient lateAgain = masters.subscribe(successor, Wire.JSON, lateInfo,
                    Instant.now().plus(START))) {
                TaskStatus pending = Workload.awaitStates(lateAgain, Map.of("late-1", TaskState.TASK_RUNNING), true)
                        .get("late-1");
                assertEquals(unacknowledged.getUuid(), pending.getUuid(), "the very update left unacknowledged");
            }

            JsonNode state = Cluster.awaitState(masters.address(successor), START, "the agent back, active",
                    s -> Cluster.activeAgents(s) == 1);
            assertEquals(agentId, state.path("slaves").get(0).path("id").asText(), "the same agent");
            for (Map.Entry<String, Long> task : pids.entrySet()) {
                assertTrue(Workload.isAlive(task.getValue()), task.getKey() + " runs in the process it started in");
                assertEquals(task.getValue(), workload.pid(task.getKey()), task.getKey() + " was started once");
                assertEquals("TASK_RUNNING", Workload.taskState(masters.address(successor), task.getKey()));
            }
            assertTrue(masters.process(1 - leader).isAlive());
            assertFalse(agent.stderr().contains("Exception"), agent.stderr());
            steadyAgain.close();
        }
    }

    @Test
    void aLeaderPausedPastItsSessionNeverActsAgainAndExits() throws Exception {
        try (TestZooKeeper zk = TestZooKeeper.start();
                Masters masters = Masters.start("paused", zk.url("/mesos"), 2, workDir);
                MesetaProcess agent = MesetaProcess.start("paused-agent", "daemons/bin/meseta-agent",
                        "--master=" + zk.url("/mesos"), "--ip=127.0.0.1", "--port=" + Cluster.freePort(),
                        "--work_dir=" + workDir.resolve("agent"), "--registration_backoff_factor=100ms",
                        "--zk_session_timeout=" + Masters.SESSION_TIMEOUT.toMillis() + "ms")) {
            int leader = masters.awaitLeader(Instant.now().plus(START), Set.of());
            Cluster.awaitState(masters.address(leader), START, "the agent active", s -> Cluster.activeAgents(s) == 1);
            try (SchedulerClient framework = SchedulerClient.subscribe(masters.address(leader), Wire.JSON,
                    SchedulerClient.framework("paused-with-its-master"))) {
                // Declined for a second only: once the pause is over, the paused leader has offers to make.
                framework.accepted(Calls.decline(framework.await(Event.Type.OFFERS).getOffers().getOffers(0), 1));

                masters.process(leader).pause();
                int successor = masters.awaitLeader(Instant.now().plus(START), Set.of(leader));
                Cluster.awaitState(masters.address(successor), START, "the agent with the new leader",
                        s -> Cluster.activeAgents(s) == 1);
                // Waits in the paused leader's socket until it goes on.
                CompletableFuture<HttpResponse<String>> weights = HTTP.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://" + masters.address(leader) + "/api/v1"))
                        .header("Content-Type", "application/json").timeout(START)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"UPDATE_WEIGHTS\",\"update_weights\":"
                                + "{\"weight_infos\":[{\"role\":\"paused\",\"weight\":2.0}]}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Cluster.sleep(Duration.ofSeconds(1));
                while (framework.poll(Event.Type.OFFERS, Duration.ZERO).isPresent()) {
                    // What came before the pause.
                }

                masters.process(leader).resume();

                assertEquals(1, masters.process(leader).awaitExit(START), "the old leader's exit status");
                framework.awaitEnd();
                assertEquals(Optional.empty(), framework.poll(Event.Type.OFFERS, Duration.ZERO),
                        "the old leader made no offer after its pause");
                assertNotEquals(200, weights.handle((answer, failure) -> failure == null ? answer.statusCode() : -1)
                        .get(), "the old leader did not take an update of the registry");
                assertTrue(zk.children("/mesos/registry").stream().noneMatch(node -> node.contains("paused")),
                        "nothing of the old leader in the registry: " + zk.children("/mesos/registry"));
                assertTrue(masters.process(leader).stderr().contains("Lost leadership"),
                        masters.process(leader).stderr());
                assertEquals(successor, masters.awaitLeader(Instant.now().plus(START), Set.of()));
            }
        }
    }

    /** A framework whose tasks outlive its scheduler for an hour, as frameworks that fail over have. */
    private static FrameworkInfo failingOver(String name) {
        return SchedulerClient.framework(name).toBuilder().setFailoverTimeout(3600).build();
    }
}
