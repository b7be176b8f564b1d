package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meseta-local}: a master and N agents in one process. */
class LocalClusterTest {

    @TempDir
    Path workDir;

    @Test
    void twoAgentsAreActiveWithinThirtySecondsOfStart() {
        int port = Cluster.freePorts(3);
        String master = "127.0.0.1:" + port;
        try (MesetaProcess local = MesetaProcess.start("local", "daemons/bin/meseta-local",
                "--port=" + port, "--num_agents=2", "--work_dir=" + workDir)) {
            JsonNode state = Cluster.awaitState(master, Duration.ofSeconds(30), "two active agents",
                    s -> Cluster.activeAgents(s) == 2);
            Set<String> pids = new HashSet<>();
            state.path("slaves").forEach(agent -> pids.add(agent.path("pid").asText()));
            assertEquals(Set.of("slave(1)@127.0.0.1:" + (port + 1), "slave(1)@127.0.0.1:" + (port + 2)), pids);
            assertEquals(143, local.terminate(Duration.ofSeconds(30)));
            // The agent's fragment org.meseta.agent.posixspawn is found where the JDK has the API it calls.
            String log = local.stdout() + local.stderr();
            assertEquals(Runtime.version().feature() >= 22 ? 2 : 0,
                    log.lines().filter(line -> line.contains("processes started by posix_spawn;")).count(), log);
        }
    }
}
