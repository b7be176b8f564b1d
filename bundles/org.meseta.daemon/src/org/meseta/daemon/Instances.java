package org.meseta.daemon;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instances a daemon component has started and not yet stopped, so that its {@code @Deactivate} can
 * stop them ({@link #closeAll()}). Thread-safe.
 *
 * <p>Only an adopted instance, one that started completely, is reported as stopped when it closes; a start that
 * fails half-way closes its {@link Teardown} without a word, since the failure itself is what gets reported.
 */
public final class Instances {

    private static final System.Logger LOG = System.getLogger(Instances.class.getName());

    private final Set<Daemon.Running> running = ConcurrentHashMap.newKeySet();

    /**
     * Takes over what {@code teardown} owns as one instance serving at {@code endpoint} ({@code ip:port}).
     *
     * @param name how the log names the instance when it stops, e.g. {@code "Master 4f1c..."}; the log line is
     *     {@code "<name> stopped"}
     */
    public Daemon.Running adopt(String endpoint, String name, Teardown teardown) {
        return adopt(endpoint, name, teardown, new CompletableFuture<Integer>().minimalCompletionStage());
    }

    /**
     * As {@link #adopt(String, String, Teardown)}, for a server that may have to end by itself (a master that lost
     * its leadership): its {@link Daemon.Running#exitStatus()} is {@code exitStatus}.
     */
    public Daemon.Running adopt(String endpoint, String name, Teardown teardown, CompletionStage<Integer> exitStatus) {
        Teardown owned = teardown.transfer();
        Daemon.Running instance = new Daemon.Running() {
            @Override
            public String endpoint() {
                return endpoint;
            }

            @Override
            public CompletionStage<Integer> exitStatus() {
                return exitStatus;
            }

            @Override
            public void close() {
                if (running.remove(this)) {
                    owned.close();
                    LOG.log(System.Logger.Level.INFO, "{0} stopped", name);
                }
            }
        };
        running.add(instance);
        return instance;
    }

    /** Stops every instance still running. */
    public void closeAll() {
        List.copyOf(running).forEach(Daemon.Running::close);
    }
}
