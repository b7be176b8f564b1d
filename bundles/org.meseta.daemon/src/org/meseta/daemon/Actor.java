package org.meseta.daemon;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One thread that owns a piece of mutable state (the master's, an agent's, the allocator's).
 *
 * <p>Everything that touches the state is submitted here and runs in submission order; callers get a
 * {@link CompletableFuture}. Work never throws into the void: a failure completes the future exceptionally
 * and fire-and-forget work that fails is logged. After {@link #close()} new work is refused: futures
 * complete exceptionally with {@link RejectedExecutionException} and {@link #run} silently drops it.
 */
public final class Actor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Actor.class.getName());

    private final String name;
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    public Actor(String name) {
        this.name = name;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread created = new Thread(runnable, name);
            created.setDaemon(true);
            thread = created;
            return created;
        });
        // Timers pending at close belong to state that is going away: drop them rather than run them late,
        // and do not let close() wait for them (a ping timer may be seconds away).
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        // Cancelled timers (superseded pings, watchdogs) leave the queue at once instead of at their deadline.
        executor.setRemoveOnCancelPolicy(true);
    }

    /** A pending delayed run; {@link #cancel()} is idempotent and safe from any thread. */
    @FunctionalInterface
    public interface Timer {
        void cancel();
    }

    /** Runs {@code work} on the actor thread and returns its result. */
    public <T> CompletableFuture<T> call(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Runs {@code work} on the actor thread; failures are logged. */
    public void run(Runnable work) {
        try {
            executor.execute(() -> guarded(work));
        } catch (RejectedExecutionException e) {
            // Closed: the state this work would touch is gone.
        }
    }

    /** Runs {@code work} on the actor thread after {@code delay}; a closed actor never runs it. */
    public Timer schedule(Duration delay, Runnable work) {
        try {
            ScheduledFuture<?> future =
                    executor.schedule(() -> guarded(work), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> {};
        }
    }

    /** True when called from this actor's thread (for assertions in state-owning classes). */
    public boolean isOwnerThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Stops the thread after the work already queued (pending timers are dropped); waits up to five seconds.
     * Idempotent.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure on the " + name + " thread", e);
        }
    }
}
