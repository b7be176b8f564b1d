package org.meseta.console.core.internal;

import java.util.Optional;
import java.util.function.Consumer;

import org.meseta.console.core.MasterAddress;
import org.meseta.zk.ZkUrl;

/**
 * Finds the leading master of a ZooKeeper group, for a client given a {@code zk://} location. A seam: the client's
 * tests name leaders themselves, the real one is {@link ZooKeeperLeaders}.
 */
interface LeaderDetector {

    /** Stops a watch; idempotent, may be called on any thread, nothing is reported once it returned. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Starts watching the group of {@code url}; returns at once.
     *
     * @param listener told the leader whenever it changes, starting with the first reading ({@code empty} when the
     *        group names none or ZooKeeper cannot be reached), on a thread of the detector's own, one call at a time
     */
    Watch watch(ZkUrl url, Consumer<Optional<MasterAddress>> listener);
}
