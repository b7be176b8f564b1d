package org.meseta.console.core.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The real {@link ClientThread}: a daemon thread of a single-threaded scheduled executor, on the wall clock. */
final class ExecutorClientThread implements ClientThread {

    private final ScheduledExecutorService executor;

    ExecutorClientThread(String name) {
        // A daemon: a console that forgets to close its client must still be able to exit.
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void execute(Runnable work) {
        executor.execute(work);
    }

    @Override
    public Delayed schedule(Runnable work, Duration delay) {
        ScheduledFuture<?> future = executor.schedule(work, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
    }
}
