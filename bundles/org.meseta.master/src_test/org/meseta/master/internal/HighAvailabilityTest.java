package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.testing.MetricValues.assertMetric;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.WeightInfo;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.daemon.DaemonException;
import org.meseta.master.internal.election.Election;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.LogCapture;
import org.meseta.testing.MetricValues;
import org.meseta.testing.Ports;
import org.meseta.testing.TestZooKeeper;
import org.meseta.zk.ZkClients;
import org.meseta.zk.ZkUrl;

/**
 * Masters started with {@code --zk} on a real ZooKeeper in this JVM: one leads, the others answer as Mesos's
 * non-leading masters do, a standby takes over when the leader goes, and a leader that loses its ZooKeeper session or
 * its node stops acting and ends with a non-zero exit status.
 */
class HighAvailabilityTest {

    private static final String GROUP = "/mesos";
    /** Short, within what the test server negotiates (2 to 20 ticks of 200 ms). */
    private static final String SESSION_TIMEOUT = "--zk_session_timeout=2secs";
    /** Bounds waiting for an exit status; a passing test never waits it out. */
    private static final long EXIT_WAIT_SECONDS = 20;

    @TempDir
    Path workDir;

    private TestZooKeeper zooKeeper;
    private final List<TestMaster> masters = new ArrayList<>();

    @BeforeEach
    void startZooKeeper() throws Exception {
        zooKeeper = TestZooKeeper.start();
    }

    @AfterEach
    void stopAll() {
        masters.reversed().forEach(TestMaster::close);
        zooKeeper.close();
    }

    private TestMaster startMaster() throws Exception {
        return startMaster(zooKeeper.url(GROUP));
    }

    /** Starts a master contending through {@code zk}. */
    private TestMaster startMaster(String zk) throws Exception {
        TestMaster master = TestMaster.start(workDir.resolve("master-" + masters.size()), "--zk=" + zk, "--quorum=2",
                SESSION_TIMEOUT);
        masters.add(master);
        return master;
    }

    private static void awaitElected(TestMaster master) throws Exception {
        Eventually.await("master on port " + master.port + " elected", () -> elected(master));
    }

    private static boolean elected(TestMaster master) throws Exception {
        return MetricValues.snapshot(master.uri("/metrics/snapshot")).get("master/elected") == 1.0;
    }

    /** Starts another master and waits until its node is in the group, behind the others. */
    private TestMaster startStandby() throws Exception {
        int members = members().size();
        TestMaster standby = startMaster();
        Eventually.await("the new master in " + GROUP, () -> members().size() == members + 1);
        return standby;
    }

    /** The group's members, without the registry's node. */
    private List<String> members() {
        return zooKeeper.children(GROUP).stream().filter(child -> child.startsWith("json.info_")).toList();
    }

    /** Starts another master and waits until it knows {@code leader} leads (its /redirect names it). */
    private TestMaster startStandbyOf(TestMaster leader) throws Exception {
        TestMaster standby = startStandby();
        String base = "//" + TestMaster.HOSTNAME + ":" + leader.port;
        Eventually.await("the standby following the leader", () -> {
            HttpResponse<byte[]> redirect = Http.get(standby.uri("/redirect"));
            return redirect.statusCode() == 307 && base.equals(redirect.headers().firstValue("Location").orElse(""));
        });
        return standby;
    }

    private String leaderNode() {
        return GROUP + "/" + members().getFirst();
    }

    private static String location(HttpResponse<byte[]> response) {
        assertEquals(307, response.statusCode(), () -> Http.text(response));
        return response.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void theFirstMasterLeadsAndWritesItsMasterInfoWhereMesosToolsLook() throws Exception {
        TestMaster leader = startMaster();
        awaitElected(leader);

        List<String> members = members();
        assertEquals(1, members.size(), "one member beside the registry: " + zooKeeper.children(GROUP));
        assertTrue(members.getFirst().matches("json\\.info_\\d{10}"), members.getFirst());
        Map<String, Object> info = JsonTree.parseObject(new String(zooKeeper.data(leaderNode()),
                StandardCharsets.UTF_8));
        assertEquals(leader.id(), JsonTree.string(info, "id"));
        assertEquals(leader.port, JsonTree.number(info, "port").intValue());
        assertEquals(16777343, JsonTree.number(info, "ip").intValue());
        Map<String, Object> state = leader.state();
        assertEquals("master@127.0.0.1:" + leader.port, JsonTree.string(state, "leader"));
        assertEquals(leader.id(), JsonTree.string(JsonTree.object(state, "leader_info"), "id"));
        assertTrue(JsonTree.number(state, "elected_time").doubleValue()
                >= JsonTree.number(state, "start_time").doubleValue());
    }

    @Test
    void aStandbyRedirectsEveryLeaderEndpointToTheLeader() throws Exception {
        TestMaster leader = startMaster();
        awaitElected(leader);
        TestMaster standby = startStandbyOf(leader);
        String base = "//" + TestMaster.HOSTNAME + ":" + leader.port;

        assertEquals(base + "/state", location(Http.get(standby.uri("/state"))));
        assertEquals(base + "/master/state?jsonp=cb", location(Http.get(standby.uri("/master/state?jsonp=cb"))));
        assertEquals(base + "/master/tasks", location(Http.get(standby.uri("/master/tasks"))));
        assertEquals(base + "/api/v1/scheduler", location(Http.post(standby.uri("/api/v1/scheduler"), "{}",
                "Content-Type", Http.JSON)));
        assertEquals(base + "/api/v1", location(Http.post(standby.uri("/api/v1"),
                "{\"type\":\"GET_STATE\"}", "Content-Type", Http.JSON)));
        // Redirected before the method is looked at, as in Mesos.
        assertEquals(base + "/api/v1", location(Http.get(standby.uri("/api/v1"))));
        assertEquals(base, location(Http.get(standby.uri("/redirect"))));
        assertEquals(base, location(Http.get(standby.uri("/master/redirect"))));
        assertEquals(base, location(Http.get(leader.uri("/redirect"))), "the leader redirects to itself");
    }

    @Test
    void aStandbyServesItsOwnHealthFlagsAndMetricsAndNeverTakesAgents() throws Exception {
        TestMaster leader = startMaster();
        awaitElected(leader);
        TestMaster standby = startStandbyOf(leader);

        assertEquals(200, Http.get(standby.uri("/health")).statusCode());
        Map<String, Object> flags = JsonTree.object(Http.getJson(standby.uri("/flags")), "flags");
        assertEquals(zooKeeper.url(GROUP), JsonTree.string(flags, "zk"));
        assertEquals("2", JsonTree.string(flags, "quorum"));
        assertEquals("2secs", JsonTree.string(flags, "zk_session_timeout"));
        Map<String, Double> metrics = MetricValues.snapshot(standby.uri("/metrics/snapshot"));
        assertMetric(metrics, "master/elected", 0);
        assertMetric(MetricValues.snapshot(leader.uri("/metrics/snapshot")), "master/elected", 1);
        LinkSession agent = standby.subscribe(LinkSession.subscription(null, 15051));
        assertEquals(307, agent.status());
        assertEquals(404, Http.get(standby.uri("/no/such/endpoint")).statusCode());
    }

    @Test
    void withoutAKnownLeaderAStandbyAnswers503() throws Exception {
        // A member that sorts first but holds no MasterInfo: no master leads that anyone can name.
        try (CuratorFramework client = ZkClients.newClient(ZkUrl.parse(zooKeeper.url("/")), Duration.ofSeconds(2))) {
            client.start();
            client.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                    .forPath(GROUP + "/json.info_", "not a MasterInfo".getBytes(StandardCharsets.UTF_8));
            TestMaster standby = startStandby();

            HttpResponse<byte[]> state = Http.get(standby.uri("/state"));
            assertEquals(503, state.statusCode());
            assertEquals("No leader elected", Http.text(state));
            assertEquals(503, Http.get(standby.uri("/redirect")).statusCode());
            assertFalse(elected(standby));
        }
    }

    @Test
    void theStandbyTakesOverWhenTheLeaderStops() throws Exception {
        TestMaster first = startMaster();
        awaitElected(first);
        TestMaster second = startStandby();

        first.close();

        awaitElected(second);
        Map<String, Object> state = second.state();
        assertEquals("master@127.0.0.1:" + second.port, JsonTree.string(state, "leader"));
        assertEquals(List.of(), JsonTree.array(state, "slaves"));
        second.agent();
        assertEquals(1, JsonTree.array(second.state(), "slaves").size());
        TestMaster third = startStandbyOf(second);
        assertEquals("//" + TestMaster.HOSTNAME + ":" + second.port + "/state",
                location(Http.get(third.uri("/state"))));
    }

    @Test
    void theNewLeaderRecoversTheRegistryTheOldOneWrote() throws Exception {
        TestMaster leader = startMaster();
        awaitElected(leader);
        AgentID gone = leader.subscribe(LinkSession.subscription(null, Ports.free())).registered().agentId();
        OperatorClient operator = new OperatorClient(leader);
        assertEquals(200, operator.raw(Call.newBuilder().setType(Call.Type.MARK_AGENT_GONE).setMarkAgentGone(
                Call.MarkAgentGone.newBuilder().setAgentId(gone)).build()).statusCode());
        assertEquals(200, operator.raw(Call.newBuilder().setType(Call.Type.UPDATE_WEIGHTS).setUpdateWeights(
                Call.UpdateWeights.newBuilder().addWeightInfos(WeightInfo.newBuilder().setRole("eng").setWeight(2)))
                .build()).statusCode());
        TestMaster standby = startStandbyOf(leader);

        leader.close();
        awaitElected(standby);

        assertEquals(List.of(WeightInfo.newBuilder().setRole("eng").setWeight(2).build()),
                new OperatorClient(standby).both(OperatorClient.call(Call.Type.GET_WEIGHTS)).getGetWeights()
                        .getWeightInfosList());
        LinkSession returning = standby.subscribe(LinkSession.subscription(gone.getValue(), Ports.free()));
        assertEquals("Agent has been marked gone", returning.next(AgentEvent.Shutdown.class).message());
    }

    @Test
    void aLeaderWhoseSessionExpiresStopsActingAndExitsWithAFailureStatus() throws Exception {
        TestMaster leader = startMaster();
        awaitElected(leader);
        SchedulerSession framework = leader.framework(Http.JSON, SchedulerSession.framework("ha"));
        framework.subscribed();
        LinkSession agent = leader.agent();
        TestMaster standby = startStandby();

        try (LogCapture log = LogCapture.of(Election.class)) {
            zooKeeper.expireSessionOf(leaderNode());

            assertEquals(1, leader.exitStatus().toCompletableFuture().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS));
            assertTrue(log.messages().stream().anyMatch(line -> line.startsWith("Lost leadership")),
                    log.messages().toString());
        }
        // It stopped acting: its framework and agent streams are closed, and it redirects to the new leader.
        framework.awaitEnd();
        agent.awaitEnd(SchedulerSession.WAIT);
        awaitElected(standby);
        String newLeader = "//" + TestMaster.HOSTNAME + ":" + standby.port + "/state";
        Eventually.await("the old leader redirecting to the new one", () -> {
            HttpResponse<byte[]> state = Http.get(leader.uri("/state"));
            return state.statusCode() == 307 && state.headers().firstValue("Location").orElse("").equals(newLeader);
        });
    }

    @Test
    void aLeaderWhoseNodeIsDeletedStopsAndExits() throws Exception {
        TestMaster leader = startMaster();
        awaitElected(leader);

        try (CuratorFramework client = ZkClients.newClient(ZkUrl.parse(zooKeeper.url("/")), Duration.ofSeconds(2))) {
            client.start();
            client.delete().forPath(leaderNode());
        }

        assertEquals(1, leader.exitStatus().toCompletableFuture().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS));
        HttpResponse<byte[]> state = Http.get(leader.uri("/state"));
        assertEquals(503, state.statusCode(), "no other master leads");
    }

    @Test
    void zooKeeperFlagsAreValidatedWithClearErrors() {
        DaemonException noQuorum = assertThrows(DaemonException.class,
                () -> TestMaster.start(workDir, "--zk=" + zooKeeper.url(GROUP)));
        assertEquals("Need to specify --quorum when using ZooKeeper (--zk)", noQuorum.getMessage());

        DaemonException badUrl = assertThrows(DaemonException.class,
                () -> TestMaster.start(workDir, "--zk=zk://alice:secret@zk1/mesos", "--quorum=1"));
        assertEquals("Error parsing ZooKeeper URL (--zk): Invalid ZooKeeper URL 'zk://alice:***@zk1/mesos': 'zk1'"
                + " is not host:port", badUrl.getMessage());

        DaemonException zeroQuorum = assertThrows(DaemonException.class,
                () -> TestMaster.start(workDir, "--zk=" + zooKeeper.url(GROUP), "--quorum=0"));
        assertEquals("--quorum must be at least 1, got 0", zeroQuorum.getMessage());

        DaemonException zeroTimeout = assertThrows(DaemonException.class,
                () -> TestMaster.start(workDir, "--zk=" + zooKeeper.url(GROUP), "--quorum=1",
                        "--zk_session_timeout=0secs"));
        assertEquals("--zk_session_timeout must be between 1ms and 24days, got 0ns", zeroTimeout.getMessage());
    }

    @Test
    void withoutZkTheMasterLeadsAtOnceAndQuorumIsIgnored() throws Exception {
        TestMaster master = TestMaster.start(workDir, "--quorum=3");
        masters.add(master);

        assertTrue(elected(master));
        assertEquals(200, Http.get(master.uri("/state")).statusCode());
        assertEquals(List.of(), zooKeeper.children(GROUP));
    }

    @Test
    void thePasswordOfTheZooKeeperUrlIsNotShown() throws Exception {
        String url = zooKeeper.url(GROUP).replace("zk://", "zk://alice:secret@");
        TestMaster leader = startMaster(url);
        awaitElected(leader);

        String flags = Http.text(Http.get(leader.uri("/flags")));
        assertFalse(flags.contains("secret"), flags);
        assertEquals(url.replace("secret", "***"),
                JsonTree.string(JsonTree.object(leader.state(), "flags"), "zk"));
    }
}
