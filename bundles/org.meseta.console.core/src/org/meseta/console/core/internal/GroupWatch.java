package org.meseta.console.core.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.meseta.console.core.MasterAddress;
import org.meseta.zk.ZkUrl;

/**
 * The {@link StreamingClusterClient}'s watch of a ZooKeeper group: at most one at a time, each new one ending the
 * last. A report comes with the watch it belongs to, so one of a watch given up since is told apart
 * ({@link #isCurrent}).
 *
 * <p>{@link #start} and {@link #isCurrent} are called on the client's thread; {@link #stop} may also be called on
 * any other (the client's {@code close()}).
 */
final class GroupWatch {

    /** What a watch reported: the leader it names (empty: none), and which watch it was. */
    record Report(int watch, Optional<MasterAddress> leader) {
    }

    private final LeaderDetector leaders;
    private final AtomicReference<LeaderDetector.Watch> current = new AtomicReference<>();
    private int generation;

    GroupWatch(LeaderDetector leaders) {
        this.leaders = leaders;
    }

    /** Ends the current watch and starts watching {@code url}; its reports go to {@code reports} (any thread). */
    void start(ZkUrl url, Consumer<Report> reports) {
        stop();
        int started = ++generation;
        current.set(leaders.watch(url, leader -> reports.accept(new Report(started, leader))));
    }

    /** Whether {@code report} comes from the watch under way. */
    boolean isCurrent(Report report) {
        return report.watch() == generation && current.get() != null;
    }

    /** Ends the current watch, if any; idempotent. */
    void stop() {
        LeaderDetector.Watch ended = current.getAndSet(null);
        if (ended != null) {
            ended.close();
        }
    }
}
