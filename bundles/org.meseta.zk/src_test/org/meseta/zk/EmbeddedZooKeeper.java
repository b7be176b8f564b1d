package org.meseta.zk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.meseta.testing.Ports;

/**
 * A single-node ZooKeeper server in the test's JVM on 127.0.0.1, with a temporary data directory that
 * {@link #close()} deletes. Its tick is short (session timeouts are negotiated within 2 to 20 ticks), so
 * sessions and tests stay quick.
 */
final class EmbeddedZooKeeper implements AutoCloseable {

    private static final int TICK_MILLIS = 200;
    private static final long START_TIMEOUT_MILLIS = 30_000;

    private final Path dir;
    private final int port;
    private final ZooKeeperServerEmbedded server;

    private EmbeddedZooKeeper(Path dir, int port, ZooKeeperServerEmbedded server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    static EmbeddedZooKeeper start() throws Exception {
        Path dir = Files.createTempDirectory("meseta-zk-test");
        int port = Ports.free();
        Properties config = new Properties();
        config.setProperty("clientPort", Integer.toString(port));
        config.setProperty("clientPortAddress", "127.0.0.1");
        config.setProperty("tickTime", Integer.toString(TICK_MILLIS));
        config.setProperty("admin.enableServer", "false");
        ZooKeeperServerEmbedded server = ZooKeeperServerEmbedded.builder().baseDir(dir).configuration(config)
                .exitHandler(ExitHandler.LOG_ONLY).build();
        server.start(START_TIMEOUT_MILLIS);
        return new EmbeddedZooKeeper(dir, port, server);
    }

    /** {@code zk://127.0.0.1:<port><path>}. */
    ZkUrl url(String path) {
        return ZkUrl.parse("zk://127.0.0.1:" + port + path);
    }

    /** A started client that is connected; the caller closes it. */
    CuratorFramework client(Duration sessionTimeout) throws InterruptedException {
        CuratorFramework client = ZkClients.newClient(url("/"), sessionTimeout);
        client.start();
        if (!client.blockUntilConnected((int) START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            client.close();
            throw new IllegalStateException("No connection to the embedded ZooKeeper on port " + port);
        }
        return client;
    }

    /**
     * Makes the server expire {@code client}'s session, as it does when a client stays away past its timeout:
     * another handle joins the same session and closes it.
     */
    void expireSession(CuratorFramework client) throws Exception {
        ZooKeeper zooKeeper = client.getZookeeperClient().getZooKeeper();
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper intruder = new ZooKeeper("127.0.0.1:" + port, zooKeeper.getSessionTimeout(), event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, zooKeeper.getSessionId(), zooKeeper.getSessionPasswd());
        if (!connected.await(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Could not join the session to expire it");
        }
        intruder.close();
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
