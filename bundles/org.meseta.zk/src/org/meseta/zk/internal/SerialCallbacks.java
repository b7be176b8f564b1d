package org.meseta.zk.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The one thread on which a contender or detector keeps its state and calls its listener: Curator's watcher,
 * background and connection-state callbacks, which arrive on Curator's and ZooKeeper's threads, are handed over
 * here in arrival order. After {@link #shutdown()}, handed-over work is dropped.
 */
public final class SerialCallbacks {

    private final ExecutorService executor;

    /** A daemon thread named {@code name}. */
    public SerialCallbacks(String name) {
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code work} on the thread after the work handed over before it.
     *
     * @return false if the work was dropped because {@link #shutdown()} came first (Curator may still call back
     *     after its user closed)
     */
    public boolean execute(Runnable work) {
        try {
            executor.execute(work);
            return true;
        } catch (RejectedExecutionException shutDown) {
            return false;
        }
    }

    /** Runs the work already handed over, then stops the thread; returns at once. */
    public void shutdown() {
        executor.shutdown();
    }
}
