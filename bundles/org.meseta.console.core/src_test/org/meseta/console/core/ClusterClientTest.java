package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.TaskView;
import org.meseta.daemon.Daemon;

/**
 * A real client, as {@link ClusterClients} makes it, against a real master with real agents and a real framework
 * ({@link RealCluster}), in real time: what an operator would see while a task runs, an agent leaves and the master
 * restarts. Each test waits (bounded) for the states it expects; when the client reconnects and how it coalesces
 * is tested with a manual clock in {@code internal.StreamingClusterClientTest}.
 */
@Timeout(90)
class ClusterClientTest {

    static final ClientSettings FAST = new ClientSettings(Duration.ofMillis(100), Duration.ofMillis(50),
            Duration.ofMillis(200), Duration.ofSeconds(2), 5);

    @TempDir
    Path workDir;

    private RealCluster cluster;
    private ClusterClient client;
    private final StateRecorder states = new StateRecorder();
    private final ChangeRecorder changes = new ChangeRecorder();

    @BeforeEach
    void start() throws Exception {
        cluster = new RealCluster(workDir);
        client = ClusterClients.create(FAST);
        client.addListener(states);
        client.addChangeListener(changes);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        cluster.close();
    }

    @Test
    void followsAnAgentATaskInsideItTheOffersMadeForItAndTheAgentLeaving() throws Exception {
        cluster.startMaster();
        Daemon.Running agent = cluster.startAgent("node-a.test", "cpus:2;mem:1024;disk:2048;ports:[31000-31009]",
                "rack:r1");
        client.connect(cluster.master());

        states.await(ConnectionState.Connecting.class);
        assertEquals(new ConnectionState.Connected(cluster.master(), cluster.master(), Optional.empty()),
                states.await(ConnectionState.Connected.class));
        // The offers are followed before the task's offer is made, so that its events are seen.
        ClusterState joined = changes.await("the agent, offers followed", state -> state.agents().size() == 1
                && state.offersFollowed());
        AgentView node = joined.agents().values().iterator().next();
        assertEquals("node-a.test", node.hostname());
        assertEquals(AgentState.ACTIVE, node.state());
        assertEquals(Map.of("rack", "r1"), node.attributes());
        assertEquals(new Amounts(2, 1024, 2048, 10), node.resources().total());

        cluster.launch("sleeper", "sleep 600", "cpus:0.5;mem:32");
        ClusterState running = changes.await("the task running on the agent", state -> tasksOf(state, node.id())
                .stream().anyMatch(task -> task.state() == TaskState.TASK_RUNNING));
        TaskView task = tasksOf(running, node.id()).get(0);
        assertEquals("sleeper", task.key().taskId());
        assertTrue(running.agents().get(node.id()).resources().used().cpus() >= 0.5,
                () -> "used: " + running.agents().get(node.id()).resources().used());
        assertEquals("console test sleeper", running.frameworks().get(task.key().frameworkId()).name());
        assertTrue(running.offersFollowed());
        List<OfferEvent.Kind> offerEvents = changes.seen().stream().flatMap(change -> change.offerEvents().stream())
                .filter(event -> event.frameworkId().equals(task.key().frameworkId()))
                .map(OfferEvent::kind).toList();
        assertTrue(offerEvents.contains(OfferEvent.Kind.CREATED) && offerEvents.contains(OfferEvent.Kind.ACCEPTED),
                offerEvents::toString);

        agent.close();

        ClusterState left = changes.await("the agent unreachable",
                state -> state.agents().get(node.id()).state() == AgentState.UNREACHABLE);
        assertTrue(left.agents().get(node.id()).tasks().stream().noneMatch(t -> t.state() == TaskState.TASK_RUNNING),
                () -> "tasks: " + left.agents().get(node.id()).tasks());
    }

    @Test
    void aMasterThatRestartsIsFollowedAgainWithANewSnapshot() throws Exception {
        Daemon.Running master = cluster.startMaster();
        cluster.startAgent("node-b.test", "cpus:1;mem:512", "");
        client.connect(cluster.master());
        changes.await("the agent", state -> state.agents().size() == 1);

        master.close();
        ConnectionState.Unreachable lost = states.await(ConnectionState.Unreachable.class);
        assertEquals(MasterLocation.of(cluster.master()), lost.master());
        int changesWhileAway = changes.seen().size();
        assertEquals(1, changes.seen().get(changesWhileAway - 1).state().agents().size(),
                "the last model stays while the master is away");

        cluster.startMaster();
        states.await(ConnectionState.Connected.class);
        ClusterState again = changes.await("the agent active with the new master", state -> state.agents().size() == 1
                && state.agents().values().iterator().next().state() == AgentState.ACTIVE
                && changes.seen().stream().skip(changesWhileAway).anyMatch(ClusterChange::reset));
        assertEquals("node-b.test", again.agents().values().iterator().next().hostname());
    }

    private static List<TaskView> tasksOf(ClusterState state, String agentId) {
        AgentView agent = state.agents().get(agentId);
        return agent == null ? List.of() : agent.tasks();
    }
}
