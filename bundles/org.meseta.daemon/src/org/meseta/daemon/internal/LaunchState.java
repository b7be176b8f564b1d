package org.meseta.daemon.internal;

import java.util.concurrent.atomic.AtomicReference;
import org.meseta.daemon.Daemon;

/**
 * The lifecycle of the one daemon instance the {@link Launcher} starts, moved only by compare-and-set:
 *
 * <pre>
 *   LATENT --begin--&gt; STARTING --started--&gt; RUNNING
 *      \                 \                    \
 *       +------close------+-------close--------+--&gt; CLOSED
 * </pre>
 *
 * A close that overtakes a start in progress wins: {@link #started} then closes the instance that has just
 * come up, so nothing is left running once the launcher is deactivated. Thread-safe.
 */
final class LaunchState {

    enum Phase { LATENT, STARTING, RUNNING, CLOSED }

    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.LATENT);
    private volatile Daemon.Running instance;

    /** LATENT to STARTING; false when a start already began or the launcher is closed. */
    boolean begin() {
        return phase.compareAndSet(Phase.LATENT, Phase.STARTING);
    }

    /**
     * STARTING to RUNNING with the instance that came up; if {@link #close()} came first, closes the instance
     * instead and returns false.
     */
    boolean started(Daemon.Running started) {
        instance = started;
        if (phase.compareAndSet(Phase.STARTING, Phase.RUNNING)) {
            return true;
        }
        started.close();
        return false;
    }

    /** True while a started instance runs (the JVM shutdown hook has something to stop). */
    boolean isRunning() {
        return phase.get() == Phase.RUNNING;
    }

    boolean isClosed() {
        return phase.get() == Phase.CLOSED;
    }

    /** Moves to CLOSED and closes the running instance, if any. Idempotent. */
    void close() {
        if (phase.getAndSet(Phase.CLOSED) == Phase.RUNNING) {
            instance.close();
        }
    }
}
