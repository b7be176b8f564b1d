package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built master and agent products as separate processes, started by their launch scripts. */
class MasterAgentProcessTest {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    void agentRegistersIsShownActiveAndTurnsInactiveWhenStopped() {
        int masterPort = Cluster.freePort();
        int agentPort = Cluster.freePort();
        String master = "127.0.0.1:" + masterPort;
        try (MesetaProcess masterProcess = MesetaProcess.start("master", "daemons/bin/meseta-master",
                        "--ip=127.0.0.1", "--port=" + masterPort, "--work_dir=" + workDir.resolve("master"));
                MesetaProcess agentProcess = MesetaProcess.start("agent", "daemons/bin/meseta-agent",
                        "--master=" + master, "--ip=127.0.0.1", "--port=" + agentPort,
                        "--work_dir=" + workDir.resolve("agent"), "--resources=cpus:2;mem:1024;disk:4096",
                        "--attributes=rack:r1;zone:a", "--hostname=agent-one")) {

            JsonNode state = Cluster.awaitState(master, START, "one active agent",
                    s -> Cluster.activeAgents(s) == 1);
            assertEquals("master@127.0.0.1:" + masterPort, state.path("pid").asText());
            assertEquals(masterPort, state.path("leader_info").path("port").asInt());
            assertEquals(16777343L, state.path("leader_info").path("ip").asLong(), "packed 127.0.0.1");
            JsonNode agent = state.path("slaves").get(0);
            assertEquals("slave(1)@127.0.0.1:" + agentPort, agent.path("pid").asText());
            assertEquals("agent-one", agent.path("hostname").asText());
            assertEquals(agentPort, agent.path("port").asInt());
            assertEquals(2.0, agent.path("resources").path("cpus").asDouble());
            assertEquals(1024.0, agent.path("resources").path("mem").asDouble());
            assertEquals("[31000-32000]", agent.path("resources").path("ports").asText(), "ports detected");
            assertEquals("r1", agent.path("attributes").path("rack").asText());
            assertTrue(agent.path("registered_time").asDouble() > 1.6e9, "registered_time in seconds");
            String agentId = agent.path("id").asText();
            assertTrue(agentId.startsWith(state.path("id").asText() + "-S"), agentId);

            JsonNode agentState = Cluster.getJson("127.0.0.1:" + agentPort, "/slave(1)/state").orElseThrow();
            assertEquals(agentId, agentState.path("id").asText());
            assertEquals(2.0, agentState.path("resources").path("cpus").asDouble());

            assertEquals(143, agentProcess.terminate(Duration.ofSeconds(30)), "agent exit status after SIGTERM");
            Cluster.awaitState(master, Duration.ofSeconds(20), "the stopped agent shown inactive",
                    s -> Cluster.activeAgents(s) == 0 && s.path("slaves").size() == 1);
            assertFalse(agentProcess.stderr().contains("Exception"), agentProcess.stderr());
            assertTrue(agentProcess.stderr().contains("meseta-agent: stopped"), "framework stopped: " + agentProcess.stderr());

            assertEquals(143, masterProcess.terminate(Duration.ofSeconds(30)), "master exit status after SIGTERM");
            assertFalse(masterProcess.stderr().contains("Exception"), masterProcess.stderr());
            assertTrue(masterProcess.stderr().contains("meseta-master: stopped"), "framework stopped: " + masterProcess.stderr());
        }
    }

    @Test
    void agentStartedBeforeTheMasterRegistersOnceTheMasterIsUp() {
        int masterPort = Cluster.freePort();
        String master = "127.0.0.1:" + masterPort;
        try (MesetaProcess agent = MesetaProcess.start("early-agent", "daemons/bin/meseta-agent",
                "--master=" + master, "--ip=127.0.0.1", "--port=" + Cluster.freePort(),
                "--work_dir=" + workDir.resolve("agent"), "--registration_backoff_factor=100ms")) {
            Cluster.sleep(Duration.ofSeconds(3));
            assertTrue(agent.isAlive(), "the agent keeps retrying: " + agent.stderr());
            try (MesetaProcess masterProcess = MesetaProcess.start("late-master", "daemons/bin/meseta-master",
                    "--ip=127.0.0.1", "--port=" + masterPort, "--work_dir=" + workDir.resolve("master"))) {
                Cluster.awaitState(master, START, "the early agent registered", s -> Cluster.activeAgents(s) == 1);
            }
        }
    }

    @Test
    void restartedAgentComesBackUnderItsIdAsOneActiveAgent() {
        int masterPort = Cluster.freePort();
        String master = "127.0.0.1:" + masterPort;
        String[] agentArgs = {"--master=" + master, "--ip=127.0.0.1", "--port=" + Cluster.freePort(),
                "--work_dir=" + workDir.resolve("agent"), "--resources=cpus:1;mem:512;disk:1024",
                "--registration_backoff_factor=100ms"};
        try (MesetaProcess masterProcess = MesetaProcess.start("restart-master", "daemons/bin/meseta-master",
                "--ip=127.0.0.1", "--port=" + masterPort, "--work_dir=" + workDir.resolve("master"))) {
            String firstId;
            try (MesetaProcess agent = MesetaProcess.start("restart-agent-1", "daemons/bin/meseta-agent", agentArgs)) {
                firstId = Cluster.awaitState(master, START, "the agent active", s -> Cluster.activeAgents(s) == 1)
                        .path("slaves").get(0).path("id").asText();
                agent.terminate(Duration.ofSeconds(30));
            }
            Cluster.awaitState(master, Duration.ofSeconds(20), "the agent inactive", s -> Cluster.activeAgents(s) == 0);

            try (MesetaProcess agent = MesetaProcess.start("restart-agent-2", "daemons/bin/meseta-agent", agentArgs)) {
                JsonNode state = Cluster.awaitState(master, START, "the restarted agent active",
                        s -> Cluster.activeAgents(s) == 1);
                assertEquals(1, state.path("slaves").size(), "one agent, not a second one: " + state.path("slaves"));
                assertEquals(firstId, state.path("slaves").get(0).path("id").asText());
                assertTrue(state.path("slaves").get(0).has("reregistered_time"), "shown as re-registered");
            }
        }
    }

    @Test
    void masterWithLogDirWritesItsLogFileAndServesItAsMasterLog() throws Exception {
        int masterPort = Cluster.freePort();
        String master = "127.0.0.1:" + masterPort;
        Path log = workDir.resolve("logs/meseta-master.log");
        try (MesetaProcess masterProcess = MesetaProcess.start("log-dir-master", "daemons/bin/meseta-master",
                "--ip=127.0.0.1", "--port=" + masterPort, "--work_dir=" + workDir.resolve("master"),
                "--log_dir=" + workDir.resolve("logs"))) {
            String id = Cluster.awaitState(master, START, "the master up", s -> true).path("id").asText();

            String started = "INFO    org.meseta.master.internal.MasterDaemon: Master " + id;
            String written = Files.readString(log);
            assertTrue(written.contains(started), "the stderr format, in the file: " + written);
            assertTrue(masterProcess.stderr().contains(started), "stderr keeps the log: " + masterProcess.stderr());

            long size = Files.size(log);
            JsonNode end = Cluster.getJson(master, "/files/read?path=/master/log&offset=-1").orElseThrow();
            assertEquals("", end.path("data").asText());
            assertTrue(end.path("offset").asLong() >= size, end + " vs " + size);
            JsonNode head = Cluster.getJson(master, "/files/read?path=/master/log&offset=0").orElseThrow();
            assertTrue(head.path("data").asText().contains(started), head.toString());
            assertEquals(Optional.empty(), Cluster.getJson(master, "/files/browse?path=/master"));
        }
    }
}
