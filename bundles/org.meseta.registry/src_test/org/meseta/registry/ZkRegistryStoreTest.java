package org.meseta.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meseta.testing.TestZooKeeper;

/** The registry in a real (in-process) ZooKeeper: stored per entry, read back whole, and fenced by leadership. */
class ZkRegistryStoreTest {

    private static final String BASE = "/meseta/registry";

    private TestZooKeeper zooKeeper;
    private CuratorFramework leader;
    private String leaderZnode;

    @BeforeEach
    void start() throws Exception {
        zooKeeper = TestZooKeeper.start();
        leader = client();
        leaderZnode = leader.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .forPath("/meseta/json.info_", new byte[0]);
    }

    @AfterEach
    void stop() {
        leader.close();
        zooKeeper.close();
    }

    private CuratorFramework client() throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.newClient(zooKeeper.url("").substring("zk://".length()),
                5_000, 5_000, new RetryOneTime(100));
        client.start();
        assertTrue(client.blockUntilConnected(10, TimeUnit.SECONDS), "connected");
        return client;
    }

    private Registrar registrar(CuratorFramework client) throws RegistryException {
        return Registrar.recover(new ZkRegistryStore(client, BASE, () -> Optional.of(leaderZnode)));
    }

    private static Registry await(CompletableFuture<Registry> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    @Test
    void whatOneMasterStoresAnotherRecoversEntryByEntry() throws Exception {
        Registry stored;
        try (Registrar registrar = registrar(leader)) {
            for (int i = 0; i < 1_000; i++) {
                registrar.apply(new RegistryOperation.Admit(RegistryOperationTest.agent("agent-" + i)));
            }
            registrar.apply(new RegistryOperation.MarkGone(RegistryOperationTest.agent("agent-7"), Instant.EPOCH));
            stored = await(registrar.apply(new RegistryOperation.UpdateWeights(Map.of("eng/web", 3.0))));
        }
        assertTrue(zooKeeper.children(BASE).contains("weights%2Feng%2Fweb"), "one znode per entry");

        CuratorFramework other = client();
        try (Registrar recovered = registrar(other)) {
            assertEquals(stored, recovered.registry());
            assertEquals(999, recovered.registry().admitted().size());
        } finally {
            other.close();
        }
    }

    @Test
    void aMasterWhoseLeaderZnodeIsGoneCannotWrite() throws Exception {
        try (Registrar registrar = registrar(leader)) {
            await(registrar.apply(new RegistryOperation.Admit(RegistryOperationTest.agent("a1"))));

            zooKeeper.expireSessionOf(leaderZnode);
            ExecutionException refused = assertThrows(ExecutionException.class, () -> await(registrar.apply(
                    new RegistryOperation.MarkGone(RegistryOperationTest.agent("a1"), Instant.EPOCH))));

            assertInstanceOf(FencedException.class, refused.getCause());
            assertEquals("This master's leader znode " + leaderZnode + " is gone: another master may lead, so it may"
                    + " not write the registry zk:" + BASE, refused.getCause().getMessage());
        }
        CuratorFramework other = client();
        try {
            Registry after = Registrar.recover(new ZkRegistryStore(other, BASE, Optional::empty)).registry();
            assertEquals(java.util.Set.of("a1"), after.admitted().keySet(), "the fenced write left nothing");
            assertFalse(after.gone().containsKey("a1"));
        } finally {
            other.close();
        }
    }

    @Test
    void theRegistryNodeIsPersistentSoThatZooKeeperKeepsItWhenItIsEmpty() throws Exception {
        try (Registrar registrar = registrar(leader)) {
            await(registrar.apply(new RegistryOperation.UpdateWeights(Map.of("eng", 2.0))));
            await(registrar.apply(new RegistryOperation.UpdateWeights(Map.of("eng", 1.0))));
        }
        // Ephemeral nodes name their session there, container nodes 0x8000000000000000; persistent ones 0.
        assertEquals(0, leader.checkExists().forPath(BASE).getEphemeralOwner());
        assertEquals(java.util.List.of(), zooKeeper.children(BASE));
    }

    @Test
    void aMasterThatIsNotElectedCannotWrite() throws Exception {
        try (Registrar registrar = Registrar.recover(new ZkRegistryStore(leader, BASE, Optional::empty))) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> await(registrar.apply(
                    new RegistryOperation.UpdateWeights(Map.of("eng", 2.0)))));
            assertInstanceOf(FencedException.class, refused.getCause());
        }
    }
}
