package org.meseta.console.core.internal;

import java.time.Duration;

/**
 * The one thread a {@link PollingClusterClient} owns its state on: work runs there in the order it was
 * submitted, at once or after a delay. The client takes it as a seam so that tests can run the work on their
 * own thread and let delays elapse when they say so (see {@link ExecutorClientThread} for the real one).
 *
 * <p>{@link #execute} and {@link #schedule} may be called from any thread. After {@link #shutdown} they throw
 * {@link java.util.concurrent.RejectedExecutionException}, and nothing submitted earlier runs any more.
 */
interface ClientThread {

    /** A piece of delayed work that may still be called off. */
    @FunctionalInterface
    interface Delayed {
        /** Calls the work off unless it has started; idempotent. */
        void cancel();
    }

    /**
     * Runs {@code work} on this thread after everything submitted before it.
     *
     * @throws java.util.concurrent.RejectedExecutionException after {@link #shutdown}
     */
    void execute(Runnable work);

    /**
     * Runs {@code work} on this thread once {@code delay} has passed.
     *
     * @throws java.util.concurrent.RejectedExecutionException after {@link #shutdown}
     */
    Delayed schedule(Runnable work, Duration delay);

    /** Drops all waiting work and refuses new work. Idempotent. */
    void shutdown();
}
