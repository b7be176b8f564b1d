package org.meseta.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.zookeeper.server.DataNode;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A single ZooKeeper server in the test's JVM on 127.0.0.1 and a free port, its data in a temporary directory that
 * {@link #close()} deletes. Its tick is short ({@value #TICK_MILLIS} ms; session timeouts are negotiated within 2 to
 * 20 ticks), so sessions, and tests, stay short. Tests read its nodes directly from the server's data tree and
 * {@linkplain #expireSessionOf expire} a client's session as the server does when a client stays away past its
 * timeout. Thread-safe.
 */
public final class TestZooKeeper implements AutoCloseable {

    /** The server's tick: session timeouts are negotiated between 2 and 20 of them. */
    public static final int TICK_MILLIS = 200;
    private static final int MAX_CLIENT_CONNECTIONS = 100;
    /** The server's start-up chatter (its banner, its environment) is of no use in a test's output. */
    private static final Logger SERVER_LOG = Logger.getLogger("org.apache.zookeeper.server");

    private final Path dir;
    private final int port;
    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;

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
        ZooKeeperServer server = new ZooKeeperServer(dir.resolve("snapshots").toFile(), dir.resolve("log").toFile(),
                TICK_MILLIS);
        ServerCnxnFactory connections = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", port),
                MAX_CLIENT_CONNECTIONS);
        connections.startup(server);
        return new TestZooKeeper(dir, port, server, connections);
    }

    /** {@code zk://127.0.0.1:<port><path>}, e.g. {@code url("/mesos")}. */
    public String url(String path) {
        return "zk://127.0.0.1:" + port + path;
    }

    /** The names of the children of {@code path}, sorted; empty when the node does not exist. */
    public List<String> children(String path) {
        DataNode node = server.getZKDatabase().getNode(path);
        return node == null ? List.of() : node.getChildren().stream().sorted().toList();
    }

    /** The data of the node at {@code path}. */
    public byte[] data(String path) {
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
    public void expireSessionOf(String path) {
        long session = existing(path).stat.getEphemeralOwner();
        if (session == 0) {
            throw new IllegalArgumentException(path + " is not an ephemeral node");
        }
        server.expire(session);
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
    public void close() {
        connections.shutdown();
        server.shutdown();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
