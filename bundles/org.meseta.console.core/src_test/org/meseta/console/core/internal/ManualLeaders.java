package org.meseta.console.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.meseta.console.core.MasterAddress;
import org.meseta.zk.ZkUrl;

/**
 * A {@link LeaderDetector} whose leaders the test names: {@link #name} tells the listener of the latest watch, as
 * ZooKeeper would, on the test's thread (so it is an arrival of the {@link ManualClientThread} like an HTTP answer is
 * not: it runs with the next {@code runReady}).
 */
final class ManualLeaders implements LeaderDetector {

    /** One watch started by the client. */
    static final class ManualWatch implements Watch {
        final ZkUrl url;
        final Consumer<Optional<MasterAddress>> listener;
        boolean closed;

        ManualWatch(ZkUrl url, Consumer<Optional<MasterAddress>> listener) {
            this.url = url;
            this.listener = listener;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<ManualWatch> watches = new ArrayList<>();

    @Override
    public Watch watch(ZkUrl url, Consumer<Optional<MasterAddress>> listener) {
        ManualWatch watch = new ManualWatch(url, listener);
        watches.add(watch);
        return watch;
    }

    /** Tells the latest watch that {@code leader} leads (empty: none). */
    void name(Optional<MasterAddress> leader) {
        latest().listener.accept(leader);
    }

    ManualWatch latest() {
        return watches.get(watches.size() - 1);
    }

    List<ManualWatch> watches() {
        return List.copyOf(watches);
    }
}
