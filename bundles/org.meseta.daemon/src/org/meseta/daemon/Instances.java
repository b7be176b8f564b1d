package org.meseta.daemon;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instances a daemon component has started and not yet stopped, so that its {@code @Deactivate} can
 * stop them ({@link #closeAll()}). Thread-safe.
 */
public final class Instances {

    private final Set<Daemon.Running> running = ConcurrentHashMap.newKeySet();

    /** Takes over what {@code teardown} owns as one instance serving at {@code endpoint} ({@code ip:port}). */
    public Daemon.Running adopt(String endpoint, Teardown teardown) {
        Teardown owned = teardown.transfer();
        Daemon.Running instance = new Daemon.Running() {
            @Override
            public String endpoint() {
                return endpoint;
            }

            @Override
            public void close() {
                if (running.remove(this)) {
                    owned.close();
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
