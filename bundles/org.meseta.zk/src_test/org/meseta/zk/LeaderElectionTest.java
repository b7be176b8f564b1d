package org.meseta.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meseta.testing.Eventually;
import org.meseta.testing.JsonTree;

/** Contenders and a detector on a real, in-process ZooKeeper, in Mesos's znode layout under {@code /mesos}. */
class LeaderElectionTest {

    private static final String GROUP = "/mesos";
    private static final Duration SESSION = Duration.ofSeconds(4);
    /** Bounds every wait for an event; a passing test never waits it out. */
    private static final long EVENT_WAIT_SECONDS = 20;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private EmbeddedZooKeeper zooKeeper;

    @BeforeEach
    void startZooKeeper() throws Exception {
        zooKeeper = EmbeddedZooKeeper.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }

    @Test
    void firstContenderLeadsAndItsCloseHandsLeadershipToTheSecond() throws Exception {
        Recorder<Optional<MasterInfo>> detected = detector();
        assertEquals(Optional.empty(), detected.next());

        Recorder<MasterContender.Event> first = new Recorder<>();
        MasterContender a = contender(client(), master("a", 5050), first);
        assertInstanceOf(MasterContender.Elected.class, first.next());
        assertEquals(Optional.of(master("a", 5050)), detected.next());

        Recorder<MasterContender.Event> second = new Recorder<>();
        contender(client(), master("b", 5051), second);
        // b's node exists before a leaves: b is a follower until then.
        awaitMembers(2);
        assertNull(second.poll(), "b must not lead while a does");

        a.close();
        assertInstanceOf(MasterContender.Elected.class, second.next());
        assertEquals(Optional.of(master("b", 5051)), detected.next());
        assertNull(first.poll(), "closing reports nothing to the closed contender");
    }

    @Test
    void nodesAreNamedAndFilledAsMesosMastersWriteThem() throws Exception {
        Recorder<MasterContender.Event> events = new Recorder<>();
        MasterInfo info = master("a", 5050);
        contender(client(), info, events);
        String znode = assertInstanceOf(MasterContender.Elected.class, events.next()).znode();

        CuratorFramework reader = client();
        List<String> children = reader.getChildren().forPath(GROUP);
        assertEquals(1, children.size());
        assertTrue(children.getFirst().matches("json\\.info_\\d{10}"), children.getFirst());
        assertEquals(GROUP + "/" + children.getFirst(), znode);
        assertTrue(reader.checkExists().forPath(znode).getEphemeralOwner() != 0, "the node is ephemeral");

        Map<String, Object> json = JsonTree.parseObject(new String(reader.getData().forPath(znode),
                StandardCharsets.UTF_8));
        assertEquals(info.getId(), JsonTree.string(json, "id"));
        assertEquals(JsonTree.num(16777343), JsonTree.number(json, "ip"), "127.0.0.1 packed as Mesos does");
        assertEquals(JsonTree.num(5050), JsonTree.number(json, "port"));
        assertEquals("master@127.0.0.1:5050", JsonTree.string(json, "pid"));
        assertEquals("localhost", JsonTree.string(json, "hostname"));
        assertEquals("1.11.0", JsonTree.string(json, "version"));
        Map<String, Object> address = JsonTree.object(json, "address");
        assertEquals("localhost", JsonTree.string(address, "hostname"));
        assertEquals("127.0.0.1", JsonTree.string(address, "ip"));
        assertEquals(JsonTree.num(5050), JsonTree.number(address, "port"));
    }

    @Test
    void detectorFindsALeaderAMesosMasterWrote() throws Exception {
        String mesosJson = "{\"address\":{\"hostname\":\"mesos-1\",\"ip\":\"10.0.0.7\",\"port\":5050},"
                + "\"hostname\":\"mesos-1\",\"id\":\"d4c4a5e4-mesos\",\"ip\":117440522,"
                + "\"pid\":\"master@10.0.0.7:5050\",\"port\":5050,\"version\":\"1.11.0\"}";
        CuratorFramework mesos = client();
        mesos.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .forPath(GROUP + "/json.info_", mesosJson.getBytes(StandardCharsets.UTF_8));
        // Not a member: Mesos keeps its replicated log's replicas in a child without a sequence number.
        mesos.create().forPath(GROUP + "/log_replicas");

        Recorder<Optional<MasterInfo>> detected = detector();
        MasterInfo leader = detected.next().orElseThrow();
        assertEquals("d4c4a5e4-mesos", leader.getId());
        assertEquals("master@10.0.0.7:5050", leader.getPid());
        assertEquals(117440522, leader.getIp());

        Recorder<MasterContender.Event> events = new Recorder<>();
        contender(client(), master("a", 5050), events);
        awaitMembers(2);
        assertNull(events.poll(), "the older Mesos master keeps leading");
    }

    @Test
    void detectorReadsTheBinaryNodesOfMastersBeforeMesos024() throws Exception {
        client().create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .forPath(GROUP + "/info_", master("old", 5050).toByteArray());

        assertEquals(Optional.of(master("old", 5050)), detector().next());
    }

    @Test
    void sessionExpiryMakesTheLeaderReportLossAndTheNextOneLeads() throws Exception {
        Recorder<Optional<MasterInfo>> detected = detector();
        assertEquals(Optional.empty(), detected.next());
        CuratorFramework leaderClient = client();
        Recorder<MasterContender.Event> first = new Recorder<>();
        contender(leaderClient, master("a", 5050), first);
        assertInstanceOf(MasterContender.Elected.class, first.next());
        assertEquals(Optional.of(master("a", 5050)), detected.next());
        Recorder<MasterContender.Event> second = new Recorder<>();
        contender(client(), master("b", 5051), second);
        awaitMembers(2);

        zooKeeper.expireSession(leaderClient);

        MasterContender.Lost lost = assertInstanceOf(MasterContender.Lost.class, first.next());
        assertTrue(lost.reason().contains("ZooKeeper connection"), lost.reason());
        assertInstanceOf(MasterContender.Elected.class, second.next());
        assertEquals(Optional.of(master("b", 5051)), detected.next());
        assertNull(first.poll(), "Lost is final");
    }

    @Test
    void startingTwiceIsRefused() throws Exception {
        Recorder<MasterContender.Event> events = new Recorder<>();
        MasterContender contender = contender(client(), master("a", 5050), events);
        assertInstanceOf(MasterContender.Elected.class, events.next());

        IllegalStateException e = assertThrows(IllegalStateException.class,
                contender::start);
        assertEquals("The contender was started before", e.getMessage());
    }

    private static MasterInfo master(String id, int port) {
        return MasterInfo.newBuilder().setId(id).setIp(16777343).setPort(port).setPid("master@127.0.0.1:" + port)
                .setHostname("localhost").setVersion("1.11.0")
                .setAddress(Address.newBuilder().setHostname("localhost").setIp("127.0.0.1").setPort(port))
                .build();
    }

    private CuratorFramework client() throws InterruptedException {
        CuratorFramework client = zooKeeper.client(SESSION);
        resources.add(client);
        return client;
    }

    private MasterContender contender(CuratorFramework client, MasterInfo info,
            Recorder<MasterContender.Event> events) {
        MasterContender contender = new MasterContender(client, GROUP, info, events);
        resources.add(contender);
        contender.start();
        return contender;
    }

    private Recorder<Optional<MasterInfo>> detector() throws InterruptedException {
        Recorder<Optional<MasterInfo>> detected = new Recorder<>();
        MasterDetector detector = new MasterDetector(client(), GROUP, detected);
        resources.add(detector);
        detector.start();
        return detected;
    }

    /** Waits until the group has {@code count} members (ZooKeeper's own view, through a fresh read). */
    private void awaitMembers(int count) throws Exception {
        CuratorFramework reader = client();
        Eventually.await(count + " members in " + GROUP,
                () -> reader.getChildren().forPath(GROUP).stream().filter(c -> c.contains("info_")).count() == count);
    }

    /** Collects what a listener is told, in order. */
    private static final class Recorder<T> implements Consumer<T> {

        private final BlockingQueue<T> received = new LinkedBlockingQueue<>();

        @Override
        public void accept(T value) {
            received.add(value);
        }

        /** The next value, waiting for it (bounded); fails if none comes. */
        T next() throws InterruptedException {
            T value = received.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(value, "nothing was reported within " + EVENT_WAIT_SECONDS + " s");
            return value;
        }

        /** A value already reported and not yet taken, or null. */
        T poll() {
            return received.poll();
        }
    }
}
