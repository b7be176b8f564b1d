package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.testing.JsonTree.string;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.daemon.Daemon;
import org.meseta.testing.Eventually;
import org.meseta.testing.JsonTree;
import org.meseta.testing.MetricValues;
import org.meseta.testing.Ports;
import org.meseta.testing.TestZooKeeper;

/**
 * An agent started with {@code --master=zk://...} on a real ZooKeeper in this JVM and real masters contending
 * there: it registers with the leader and, when the leader goes, subscribes to the new one with the same id.
 */
class MasterDetectionTest {

    private static final String GROUP = "/mesos";

    @TempDir
    Path workDir;

    private TestZooKeeper zooKeeper;
    private TestCluster cluster;

    @BeforeEach
    void start() throws Exception {
        zooKeeper = TestZooKeeper.start();
        cluster = new TestCluster(workDir);
    }

    @AfterEach
    void stop() {
        cluster.close();
        zooKeeper.close();
    }

    private Daemon.Running startMaster(int port) throws Exception {
        return cluster.startMaster(port, "--zk=" + zooKeeper.url(GROUP), "--quorum=2", "--zk_session_timeout=2secs");
    }

    private static boolean elected(int masterPort) throws Exception {
        URI metrics = URI.create("http://127.0.0.1:" + masterPort + "/metrics/snapshot");
        return MetricValues.snapshot(metrics).get("master/elected") == 1.0;
    }

    private static List<Map<String, Object>> slaves(int masterPort) throws Exception {
        return JsonTree.objects(TestCluster.getJson(masterPort, "/state"), "slaves");
    }

    @Test
    void theAgentRegistersWithTheLeaderAndFollowsTheNextOneWithItsId() throws Exception {
        int firstPort = Ports.free();
        Daemon.Running first = startMaster(firstPort);
        Eventually.await("the first master elected", () -> elected(firstPort));
        int secondPort = Ports.free();
        startMaster(secondPort);
        // Beside the masters' znodes, the group holds the registry once the leader has written it.
        Eventually.await("both masters in " + GROUP, () -> zooKeeper.children(GROUP).stream()
                .filter(child -> child.startsWith("json.info_")).count() == 2);

        int agentPort = Ports.free();
        cluster.startAgent(zooKeeper.url(GROUP), agentPort, AgentTimings.MESOS, "--zk_session_timeout=2secs");
        Eventually.await("the agent registered with the leader", () -> slaves(firstPort).size() == 1);
        String id = string(slaves(firstPort).getFirst(), "id");

        first.close();

        Eventually.await("the second master elected", () -> elected(secondPort));
        Eventually.await("the agent active in the new leader", () -> TestCluster.isActiveInMaster(secondPort, id));
        assertEquals(1, slaves(secondPort).size());
        Map<String, Object> agentState = TestCluster.getJson(agentPort, "/slave(1)/state");
        assertEquals(id, string(agentState, "id"));
        assertEquals(TestCluster.MASTER_HOSTNAME, string(agentState, "master_hostname"));
        assertEquals(zooKeeper.url(GROUP), string(JsonTree.object(agentState, "flags"), "master"));
    }
}
