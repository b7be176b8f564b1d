package org.meseta.console.core;

import java.time.Duration;
import java.util.function.Predicate;

import org.meseta.console.core.model.ClusterState;

/** Waits, bounded, for the model a client publishes to show something. */
public final class ModelWait {

    /** How long a test waits for the model before it fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private ModelWait() {
    }

    /**
     * The first model {@code client} publishes that satisfies {@code condition}, polled every 10 ms.
     *
     * @throws AssertionError naming {@code what} and the last model if none does within {@link #PATIENCE}
     */
    public static ClusterState await(ClusterClient client, String what, Predicate<ClusterState> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            ClusterState now = client.cluster();
            if (condition.test(now)) {
                return now;
            }
            StateRecorder.sleep(10);
        }
        throw new AssertionError("No state with " + what + " within " + PATIENCE.toSeconds() + " s; the last: "
                + client.cluster());
    }
}
