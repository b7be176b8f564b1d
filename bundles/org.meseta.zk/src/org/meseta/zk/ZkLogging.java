package org.meseta.zk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps ZooKeeper's and Curator's own logging (through slf4j to {@code java.util.logging}) to what an operator
 * needs: warnings and errors only, and without stack traces for the connection losses and reconnections that are
 * part of normal operation, which Meseta's contender, detector and agents report in their own words.
 *
 * <p>A logger the operator configured (a level set in a {@code java.util.logging} configuration file) keeps its
 * level, and stack traces come back as soon as a logger is set to {@code FINE} or finer.
 */
public final class ZkLogging {

    /** ZooKeeper's client and server and all of Curator: quiet below WARNING unless configured otherwise. */
    private static final List<String> QUIETED = List.of("org.apache.zookeeper", "org.apache.curator");

    /**
     * Where ZooKeeper and Curator log a lost or refused connection with its stack trace: the ZooKeeper client's
     * send thread, Curator's connection timeout check, its background operations and its state reports.
     */
    private static final List<String> CONNECTION_REPORTERS = List.of("org.apache.zookeeper.ClientCnxn",
            "org.apache.zookeeper.ClientCnxnSocketNIO", "org.apache.curator.ConnectionState",
            "org.apache.curator.framework.imps.CuratorFrameworkImpl",
            "org.apache.curator.framework.state.ConnectionStateManager");

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    /** java.util.logging holds its loggers weakly: these keep their configuration alive. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private ZkLogging() {}

    /** Applies the quiet configuration; idempotent and thread-safe. */
    public static void quiet() {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        synchronized (CONFIGURED) {
            for (String name : QUIETED) {
                Logger logger = Logger.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(Level.WARNING);
                }
                CONFIGURED.add(logger);
            }
            for (String name : CONNECTION_REPORTERS) {
                Logger logger = Logger.getLogger(name);
                logger.setFilter(record -> withoutStackTrace(logger, record));
                CONFIGURED.add(logger);
            }
        }
    }

    /** Folds the exception of {@code record} into its message as one line, unless {@code logger} logs finely. */
    private static boolean withoutStackTrace(Logger logger, LogRecord record) {
        Throwable thrown = record.getThrown();
        if (thrown != null && !logger.isLoggable(Level.FINE)) {
            record.setMessage(record.getMessage() + " (" + thrown + ")");
            record.setThrown(null);
        }
        return true;
    }
}
