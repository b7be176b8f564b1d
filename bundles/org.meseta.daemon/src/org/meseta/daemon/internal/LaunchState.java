package org.meseta.daemon.internal;

import java.util.concurrent.atomic.AtomicReference;
import org.meseta.daemon.Daemon;

/**
 * The lifecycle of the one daemon instance the {@link Launcher} starts, moved only by compare-and-set:
 *
 * <pre>
 *   LATENT --begin--&gt; STARTING --started--&gt; RUNNING --finish--&gt; FINISHED
 *      \                 \                    \                    \
 *       +------close------+-------close--------+-------close--------+--&gt; CLOSED
 * </pre>
 *
 * FINISHED is where a command goes once it reported its exit status: its instance is still up (the launcher is about
 * to stop the framework and exit), but nothing is left to interrupt. A close that overtakes a start in progress
 * wins: {@link #started} then closes the instance that has just come up, so nothing is left running once the
 * launcher is deactivated. Thread-safe.
 */
final class LaunchState {

    enum Phase { LATENT, STARTING, RUNNING, FINISHED, CLOSED }

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

    /** RUNNING to FINISHED; false when the instance was closed first (it then must not decide the exit status). */
    boolean finish() {
        return phase.compareAndSet(Phase.RUNNING, Phase.FINISHED);
    }

    /** Where the lifecycle is now; a snapshot that may change at once. */
    Phase phase() {
        return phase.get();
    }

    boolean isClosed() {
        return phase.get() == Phase.CLOSED;
    }

    /** Moves to CLOSED and closes the instance, if one came up. Idempotent. */
    void close() {
        Phase previous = phase.getAndSet(Phase.CLOSED);
        if (previous == Phase.RUNNING || previous == Phase.FINISHED) {
            instance.close();
        }
    }
}
