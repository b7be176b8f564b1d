package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;

/** Records the changes a client tells and waits (bounded) for a state that matches. */
final class ChangeRecorder implements ClusterChangeListener {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<ClusterChange> seen = new CopyOnWriteArrayList<>();

    @Override
    public void clusterChanged(ClusterChange change) {
        seen.add(change);
    }

    /** Waits until the latest state told matches {@code condition}, and returns it. */
    ClusterState await(String what, Predicate<ClusterState> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!seen.isEmpty()) {
                ClusterState latest = seen.get(seen.size() - 1).state();
                if (condition.test(latest)) {
                    return latest;
                }
            }
            StateRecorder.sleep(10);
        }
        return fail("No state with " + what + " within " + PATIENCE + "; the last: "
                + (seen.isEmpty() ? "none" : seen.get(seen.size() - 1).state()));
    }

    List<ClusterChange> seen() {
        return List.copyOf(seen);
    }
}
