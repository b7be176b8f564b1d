package org.meseta.console.core.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/**
 * A {@link ClientThread} for an actor that may be closed while work is still being handed to it (HTTP callbacks,
 * timers): work handed over after {@link ClientThread#shutdown} is dropped instead of failing the caller.
 */
final class ActorThread {

    private final ClientThread thread;

    ActorThread(ClientThread thread) {
        this.thread = thread;
    }

    /** Runs {@code work} on the thread after what was handed over before; dropped once the thread is shut down. */
    void run(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException afterShutdown) {
            // closed: nothing more is done, as the owner's close() promises
        }
    }

    /** Runs {@code work} on the thread after {@code delay}; never once the thread is shut down. */
    ClientThread.Delayed after(Duration delay, Runnable work) {
        try {
            return thread.schedule(work, delay);
        } catch (RejectedExecutionException afterShutdown) {
            return () -> { };
        }
    }

    /** Drops the work waiting and stops the thread. */
    void shutdown() {
        thread.shutdown();
    }
}
