package org.meseta.local.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.WorkDir;
import org.meseta.zk.ZkLogging;

/**
 * The single-node ZooKeeper a local cluster with several masters elects its leader through: ZooKeeper's own embedded
 * server, on 127.0.0.1 only, its data under the local cluster's work directory, its admin server off. It is the
 * cluster's single point of failure and shares the masters' process, so it is for trying failover on one machine,
 * never for production (docs/high-availability.md).
 */
final class LocalZooKeeper implements AutoCloseable {

    /** ZooKeeper's tick: sessions are negotiated between 2 and 20 ticks, which covers Mesos's 10 s default. */
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final ZooKeeperServerEmbedded server;
    private final int port;

    private LocalZooKeeper(ZooKeeperServerEmbedded server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the server on {@code 127.0.0.1:port} with its data in {@code dir}; it serves when this returns.
     *
     * @throws DaemonException with a one-line reason when it cannot start (the port is taken, the directory unusable)
     */
    static LocalZooKeeper start(Path dir, int port) throws DaemonException {
        ZkLogging.quiet();
        WorkDir.create(dir);
        Properties config = new Properties();
        config.setProperty("clientPort", Integer.toString(port));
        config.setProperty("clientPortAddress", "127.0.0.1");
        config.setProperty("tickTime", Long.toString(TICK.toMillis()));
        config.setProperty("admin.enableServer", "false");
        config.setProperty("4lw.commands.whitelist", "ruok,stat,srvr");
        ZooKeeperServerEmbedded server = null;
        try {
            // A fatal ZooKeeper error is logged, not turned into System.exit: the launcher decides how to end.
            server = ZooKeeperServerEmbedded.builder().baseDir(dir).configuration(config)
                    .exitHandler(ExitHandler.LOG_ONLY).build();
            server.start(START_TIMEOUT.toMillis());
            return new LocalZooKeeper(server, port);
        } catch (Exception e) {
            if (server != null) {
                server.close();
            }
            throw new DaemonException("Failed to start the embedded ZooKeeper on 127.0.0.1:" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** {@code zk://127.0.0.1:<port><path>}. */
    String url(String path) {
        return "zk://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        server.close();
    }
}
