package org.meseta.console.core.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClientThread} that the test drives: the client's work runs on the test's own thread when the test
 * says so, and delays pass only when the test {@linkplain #advance advances} the manual clock. So a test can
 * show that something does not happen (no poll after a disconnect) without waiting to see.
 *
 * <p>Work may be submitted from any thread. Work submitted from another thread than the one that created this
 * object is an <em>arrival</em> (the JDK HTTP client posts its answers so), and {@link #awaitArrivals} waits,
 * bounded by {@link #PATIENCE}, for arrivals; everything else runs only inside the methods below, all of which
 * must be called on the creating thread.
 */
final class ManualClientThread implements ClientThread {

    /** How long {@link #awaitArrivals} waits before it fails the test: generous, a passing test never waits it out. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private record Timer(Duration due, long sequence, Runnable work) {
    }

    private final Thread owner = Thread.currentThread();
    private final BlockingQueue<Runnable> ready = new LinkedBlockingQueue<>();
    private final List<Timer> timers = new ArrayList<>();
    private volatile boolean shutdown;
    private int awaitedArrivals;
    private int arrivalsRun;
    private long sequence;
    private Duration now = Duration.ZERO;

    @Override
    public void execute(Runnable work) {
        refuseAfterShutdown();
        if (Thread.currentThread() == owner) {
            ready.add(work);
        } else {
            // Counted when it runs, on the owner's thread: a count kept by the sender could run ahead of the queue.
            ready.add(() -> {
                arrivalsRun++;
                work.run();
            });
        }
    }

    @Override
    public synchronized Delayed schedule(Runnable work, Duration delay) {
        refuseAfterShutdown();
        Timer timer = new Timer(now.plus(delay), sequence++, work);
        timers.add(timer);
        return () -> {
            synchronized (this) {
                timers.remove(timer);
            }
        };
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        ready.clear();
        timers.clear();
    }

    boolean isShutdown() {
        return shutdown;
    }

    /** Runs the work that is ready, and the work that it submits in turn, until none is left. */
    void runReady() {
        for (Runnable work = ready.poll(); work != null; work = ready.poll()) {
            work.run();
        }
    }

    /** Waits until {@code count} more arrivals have run since the last wait, running all work as it comes. */
    void awaitArrivals(int count) throws InterruptedException {
        awaitedArrivals += count;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        runReady();
        while (arrivalsRun < awaitedArrivals) {
            Runnable work = ready.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (work == null) {
                fail("Waited " + PATIENCE + " for " + awaitedArrivals + " arrivals in all, but " + arrivalsRun
                        + " came");
            }
            work.run();
            runReady();
        }
    }

    /** Moves the clock on by {@code period}, running each timer that falls due, in order, with what it leads to. */
    void advance(Duration period) {
        Duration until = now.plus(period);
        for (Timer next = nextDueBy(until); next != null; next = nextDueBy(until)) {
            next.work().run();
            runReady();
        }
        synchronized (this) {
            now = until;
        }
    }

    /** How long each pending timer still has to wait, shortest first. */
    synchronized List<Duration> pendingDelays() {
        return timers.stream().map(timer -> timer.due().minus(now)).sorted().toList();
    }

    private synchronized Timer nextDueBy(Duration until) {
        Timer next = timers.stream()
                .filter(timer -> timer.due().compareTo(until) <= 0)
                .min(Comparator.comparing(Timer::due).thenComparingLong(Timer::sequence))
                .orElse(null);
        if (next != null) {
            timers.remove(next);
            now = next.due();
        }
        return next;
    }

    private void refuseAfterShutdown() {
        if (shutdown) {
            throw new RejectedExecutionException("the client thread is shut down");
        }
    }
}
