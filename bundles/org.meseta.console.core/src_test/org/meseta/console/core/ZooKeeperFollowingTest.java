package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.ClusterState;
import org.meseta.testing.TestZooKeeper;

/**
 * A real client given a {@code zk://} location, two real masters electing their leader in a real ZooKeeper in this
 * JVM ({@link TestZooKeeper}) and an agent following the leader the same way: the client subscribes to the elected
 * master, and when that master stops, to the next one, without being told, and says that the leader changed.
 */
@Timeout(90)
class ZooKeeperFollowingTest {

    private static final String GROUP = "/mesos";

    @TempDir
    Path workDir;

    private TestZooKeeper zooKeeper;
    private RealCluster cluster;
    private ClusterClient client;
    private final StateRecorder states = new StateRecorder();
    private final ChangeRecorder changes = new ChangeRecorder();

    @BeforeEach
    void start() throws Exception {
        zooKeeper = TestZooKeeper.start();
        cluster = new RealCluster(workDir);
        client = ClusterClients.create(ClusterClientTest.FAST);
        client.addListener(states);
        client.addChangeListener(changes);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        cluster.close();
        zooKeeper.close();
    }

    @Test
    void theClientFollowsTheLeaderAcrossAFailover() throws Exception {
        String zk = zooKeeper.url(GROUP);
        RealCluster.GroupMaster first = cluster.startMasterIn(zk);
        RealCluster.GroupMaster second = cluster.startMasterIn(zk);
        cluster.startAgentOf(zk, "node-z.test", "cpus:1;mem:256", "");
        MasterLocation group = MasterLocation.parse(zk);

        client.connect(group, Optional.empty());

        ConnectionState.Connected connected = states.await(ConnectionState.Connected.class);
        // Both contend at once: either may win.
        RealCluster.GroupMaster leader = connected.leader().equals(first.address()) ? first : second;
        RealCluster.GroupMaster standby = leader == first ? second : first;
        assertEquals(new ConnectionState.Connected(group, leader.address(), Optional.empty()), connected);
        changes.await("the agent with the first leader", state -> activeAgents(state) == 1);

        leader.running().close();

        ConnectionState.Connected failedOver = states.await(ConnectionState.Connected.class,
                state -> state.leader().equals(standby.address()));
        assertEquals(Optional.of(leader.address()), failedOver.previousLeader());
        assertEquals("Connected to " + zk + " (leader " + standby.address() + ") · leader changed from "
                + leader.address(), failedOver.describe());
        assertEquals(Optional.of(standby.address()), client.leader());
        changes.await("the agent re-registered with the new leader", state -> activeAgents(state) == 1);
    }

    private static long activeAgents(ClusterState state) {
        return state.agents().values().stream().filter(agent -> agent.state() == AgentState.ACTIVE).count();
    }
}
