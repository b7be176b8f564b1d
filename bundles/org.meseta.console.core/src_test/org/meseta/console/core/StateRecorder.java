package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records the states a client reports and waits (bounded) for one that matches. */
final class StateRecorder implements ClusterListener {

    /** A bound, not a target: on a loaded machine two masters electing a leader take a few seconds. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<ConnectionState> seen = new CopyOnWriteArrayList<>();
    private int consumed;

    @Override
    public void stateChanged(ConnectionState state) {
        seen.add(state);
    }

    /** Waits for a state of {@code type} matching {@code condition}, reported after the last one awaited. */
    <T extends ConnectionState> T await(Class<T> type, Predicate<T> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConnectionState> snapshot = List.copyOf(seen);
            for (int i = consumed; i < snapshot.size(); i++) {
                if (type.isInstance(snapshot.get(i)) && condition.test(type.cast(snapshot.get(i)))) {
                    consumed = i + 1;
                    return type.cast(snapshot.get(i));
                }
            }
            sleep(10);
        }
        return fail("No " + type.getSimpleName() + " as expected within " + PATIENCE + "; states seen: " + seen);
    }

    <T extends ConnectionState> T await(Class<T> type) {
        return await(type, state -> true);
    }

    List<ConnectionState> seen() {
        return List.copyOf(seen);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
