package org.meseta.console.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real client thread: what the polling client relies on to stop polling and to own its state. */
@Timeout(30)
class ExecutorClientThreadTest {

    private static final long PATIENCE_SECONDS = 10;

    private final ExecutorClientThread thread = new ExecutorClientThread("client-thread-test");
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutdown() {
        thread.shutdown();
    }

    @Test
    void runsWorkInTheOrderGivenOnOneDaemonThreadOfItsName() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<Thread> threads = new CopyOnWriteArrayList<>();

        for (String name : List.of("first", "second", "third")) {
            thread.execute(() -> {
                threads.add(Thread.currentThread());
                ran.add(name);
            });
        }
        thread.execute(done::countDown);

        assertTrue(done.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of("first", "second", "third"), ran);
        assertEquals(1, threads.stream().distinct().count());
        assertEquals("client-thread-test", threads.get(0).getName());
        assertTrue(threads.get(0).isDaemon());
    }

    @Test
    void cancelledWorkDoesNotRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        // Holding the thread: nothing scheduled below can run before it is cancelled.
        thread.execute(() -> awaitQuietly(release));
        ClientThread.Delayed cancelled = thread.schedule(() -> ran.add("cancelled"), Duration.ofMillis(1));
        thread.schedule(() -> ran.add("kept"), Duration.ofMillis(2));
        thread.schedule(done::countDown, Duration.ofMillis(3));

        cancelled.cancel();
        release.countDown();

        // Due in order on one thread: had it not been cancelled, it would have run before the others.
        assertTrue(done.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of("kept"), ran);
    }

    @Test
    void refusesWorkAfterShutdown() {
        thread.shutdown();

        assertThrows(RejectedExecutionException.class, () -> thread.execute(() -> ran.add("late")));
        assertThrows(RejectedExecutionException.class, () -> thread.schedule(() -> ran.add("late"), Duration.ZERO));
        thread.shutdown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
