package org.meseta.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.DataNode;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A single ZooKeeper server in the test's JVM on 127.0.0.1 and a free port, its data in a temporary directory that
 * {@link #close()} deletes. Its tick is short ({@value #TICK_MILLIS} ms; session timeouts are negotiated within 2 to
 * 20 ticks), so sessions, and tests, stay short. Tests read its nodes directly from the server's data tree,
 * {@linkplain #expireSessionOf expire} a client's session as the server does when a client stays away past its
 * timeout, {@linkplain #createMember create} group members as contending masters do, and {@linkplain #stop() stop}
 * and {@linkplain #restart() restart} the server on its port and data, as an ensemble that loses and regains its
 * quorum. Thread-safe.
 */
public final class TestZooKeeper implements AutoCloseable {

    /** The server's tick: session timeouts are negotiated between 2 and 20 of them. */
    public static final int TICK_MILLIS = 200;
    private static final int MAX_CLIENT_CONNECTIONS = 100;
    /** The server's start-up chatter (its banner, its environment) is of no use in a test's output. */
    private static final Logger SERVER_LOG = Logger.getLogger("org.apache.zookeeper.server");

    private final Path dir;
    private final int port;
    private ZooKeeperServer server;
    /** Null while the server is stopped. */
    private ServerCnxnFactory connections;
    /** The session {@link #createMember} creates nodes in; connected on first use. */
    private ZooKeeper client;

    private TestZooKeeper(Path dir, int port, ZooKeeperServer server, ServerCnxnFactory connections) {
        this.dir = dir;
        this.port = port;
        this.server = server;
        this.connections = connections;
    }

    /** Starts a server; it accepts clients when this returns. */
    public static TestZooKeeper start() throws Exception {
        if (SERVER_LOG.getLevel() == null) {
            SERVER_LOG.setLevel(Level.WARNING);
        }
        Path dir = Files.createTempDirectory("meseta-test-zk");
        int port = Ports.free();
        ZooKeeperServer server = server(dir);
        return new TestZooKeeper(dir, port, server, serve(server, port));
    }

    private static ZooKeeperServer server(Path dir) throws IOException {
        return new ZooKeeperServer(dir.resolve("snapshots").toFile(), dir.resolve("log").toFile(), TICK_MILLIS);
    }

    private static ServerCnxnFactory serve(ZooKeeperServer server, int port) throws Exception {
        ServerCnxnFactory connections = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", port),
                MAX_CLIENT_CONNECTIONS);
        connections.startup(server);
        return connections;
    }

    /**
     * Stops the server, keeping its data, as an ensemble that lost its quorum: its clients lose their connection and
     * cannot connect again until {@link #restart()}. Does nothing if it is stopped.
     */
    public synchronized void stop() {
        if (connections != null) {
            connections.shutdown();
            server.shutdown();
            connections = null;
        }
    }

    /**
     * Starts the stopped server again on its port with its data: the sessions that were live when it stopped are live
     * again, each for its timeout from now, so that their clients can resume them. Returns once it accepts clients.
     *
     * @throws IllegalStateException if the server runs
     */
    public synchronized void restart() throws Exception {
        if (connections != null) {
            throw new IllegalStateException("The test ZooKeeper on port " + port + " runs");
        }
        server = server(dir);
        connections = serve(server, port);
    }

    /** {@code zk://127.0.0.1:<port><path>}, e.g. {@code url("/mesos")}. */
    public String url(String path) {
        return "zk://127.0.0.1:" + port + path;
    }

    /** The names of the children of {@code path}, sorted; empty when the node does not exist. */
    public synchronized List<String> children(String path) {
        DataNode node = server.getZKDatabase().getNode(path);
        return node == null ? List.of() : node.getChildren().stream().sorted().toList();
    }

    /** The data of the node at {@code path}. */
    public synchronized byte[] data(String path) {
        DataNode node = existing(path);
        synchronized (node) {
            return node.getData().clone();
        }
    }

    /**
     * Expires the session that owns the ephemeral node at {@code path}, as the server does when its client has not
     * been heard from for its timeout: the session's ephemeral nodes go, and the client learns that its session
     * expired when it next talks to the server.
     */
    public synchronized void expireSessionOf(String path) {
        long session = existing(path).stat.getEphemeralOwner();
        if (session == 0) {
            throw new IllegalArgumentException(path + " is not an ephemeral node");
        }
        server.expire(session);
    }

    /**
     * Creates the ephemeral sequential node {@code <prefix>NNNNNNNNNN} holding {@code data} (its parents as
     * persistent nodes when missing), in a session of this server's own, as a contending master creates its node;
     * it lasts until {@link #delete deleted} or {@link #close()}. Returns its path.
     */
    public synchronized String createMember(String prefix, byte[] data) throws Exception {
        ZooKeeper session = session();
        StringBuilder parent = new StringBuilder();
        String[] segments = prefix.substring(1, prefix.lastIndexOf('/')).split("/");
        for (String segment : segments) {
            parent.append('/').append(segment);
            try {
                session.create(parent.toString(), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException exists) {
                // Created before.
            }
        }
        return session.create(prefix, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
    }

    /** Deletes the node at {@code path}, whatever its version. */
    public synchronized void delete(String path) throws Exception {
        session().delete(path, -1);
    }

    private ZooKeeper session() throws Exception {
        if (client == null) {
            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper session = new ZooKeeper("127.0.0.1:" + port, 20 * TICK_MILLIS, event -> {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            });
            if (!connected.await(10, TimeUnit.SECONDS)) {
                session.close();
                throw new IllegalStateException("No session with the test ZooKeeper on port " + port);
            }
            client = session;
        }
        return client;
    }

    private DataNode existing(String path) {
        DataNode node = server.getZKDatabase().getNode(path);
        if (node == null) {
            throw new IllegalArgumentException("No node " + path);
        }
        return node;
    }

    /** Stops the server and deletes its data. */
    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
