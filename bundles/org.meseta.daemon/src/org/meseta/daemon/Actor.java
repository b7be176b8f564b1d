package org.meseta.daemon;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Delayed;
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
 * complete exceptionally with {@link RejectedExecutionException} and {@link #run} silently drops it. Work
 * that {@link #close()} drops because it did not get to run in time, or that {@link #abandon()} drops, is treated the
 * same way, so every future handed out completes.
 */
public final class Actor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Actor.class.getName());
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Duration closeGrace;
    private final ScheduledThreadPoolExecutor executor;
    /** Futures of {@link #call}s that are queued and have not started; completed exceptionally if dropped. */
    private final Set<CompletableFuture<?>> queuedCalls = ConcurrentHashMap.newKeySet();
    /** Set by {@link #abandon()}: queued work is skipped instead of run. */
    private volatile boolean abandoned;

    public Actor(String name) {
        this(name, CLOSE_GRACE);
    }

    /** For tests: {@code closeGrace} is how long {@link #close()} lets queued work run before dropping it. */
    Actor(String name, Duration closeGrace) {
        this.name = name;
        this.closeGrace = closeGrace;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread created = new Thread(runnable, name);
            created.setDaemon(true);
            return created;
        });
        // Timers pending at close belong to state that is going away: drop them rather than run them late,
        // and do not let close() wait for them (a ping timer may be seconds away).
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        // Cancelled timers (superseded pings, watchdogs) leave the queue at once instead of at their deadline.
        executor.setRemoveOnCancelPolicy(true);
    }

    /**
     * How many queued runs are due and wait for the actor thread: its backlog, without the timers still ahead
     * (Mesos's {@code event_queue_dispatches} of a process). A snapshot from any thread.
     */
    public int backlog() {
        return (int) executor.getQueue().stream()
                .filter(queued -> !(queued instanceof Delayed delayed) || delayed.getDelay(TimeUnit.NANOSECONDS) <= 0)
                .count();
    }

    /** A pending delayed run; {@link #cancel()} is idempotent and safe from any thread. */
    @FunctionalInterface
    public interface Timer {
        void cancel();
    }

    /**
     * Runs {@code work} on the actor thread and returns its result. The future completes exceptionally with
     * what {@code work} throws, or with {@link RejectedExecutionException} if the actor is closed before the work
     * runs.
     */
    public <T> CompletableFuture<T> call(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        queuedCalls.add(result);
        try {
            executor.execute(() -> {
                if (!queuedCalls.remove(result)) {
                    return; // close() dropped it just before it started, and said so on the future
                }
                if (abandoned) {
                    result.completeExceptionally(abandonedWork());
                    return;
                }
                try {
                    result.complete(work.get());
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            queuedCalls.remove(result);
            result.completeExceptionally(e);
        }
        return result;
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

    /**
     * Stops the thread after the work already queued (pending timers are dropped); waits up to five seconds,
     * then interrupts the work that runs and drops the rest, whose futures complete exceptionally with
     * {@link RejectedExecutionException}. Idempotent.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(closeGrace.toNanos(), TimeUnit.NANOSECONDS)) {
                dropQueuedWork("did not finish its work within " + closeGrace.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            dropQueuedWork("was interrupted while closing");
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the thread as {@link #close()} does, except that the work still queued does not run: it is dropped, and
     * the futures of dropped calls complete exceptionally with {@link RejectedExecutionException}. The work that runs
     * now completes. For state that must not change any more, such as a master's once it no longer leads: what was
     * queued for it (a connection that closed, a timer that fired) is no longer its business. Idempotent.
     */
    public void abandon() {
        abandoned = true;
        close();
    }

    private RejectedExecutionException abandonedWork() {
        return new RejectedExecutionException("The " + name + " actor was abandoned before this work ran");
    }

    private void dropQueuedWork(String why) {
        List<Runnable> dropped = executor.shutdownNow();
        RejectedExecutionException closed = new RejectedExecutionException("The " + name + " actor closed before"
                + " this work ran");
        // Calls whose work never got to run; the one that runs now, if any, completes when it ends.
        List.copyOf(queuedCalls).forEach(future -> {
            if (queuedCalls.remove(future)) {
                future.completeExceptionally(closed);
            }
        });
        LOG.log(System.Logger.Level.WARNING, "The {0} thread {1}; dropped {2} queued task(s)", name, why,
                dropped.size());
    }

    private void guarded(Runnable work) {
        if (abandoned) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure on the " + name + " thread", e);
        }
    }
}
