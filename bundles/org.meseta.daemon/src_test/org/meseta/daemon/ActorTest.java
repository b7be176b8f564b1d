package org.meseta.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActorTest {

    private static final long WAIT_SECONDS = 5;

    private final Actor actor = new Actor("test-actor");
    private final Logger actorLog = Logger.getLogger(Actor.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLog() {
        // The failures these tests provoke are expected: keep them out of the build output.
        actorLog.setUseParentHandlers(false);
        actorLog.addHandler(capture);
    }

    @AfterEach
    void closeActor() {
        actorLog.removeHandler(capture);
        actorLog.setUseParentHandlers(true);
        actor.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Completes once everything submitted to the actor before it has run. */
    private void drain() throws Exception {
        await(actor.call(() -> null));
    }

    @Test
    void workRunsInSubmissionOrderOnTheActorThread() throws Exception {
        List<Integer> seen = new ArrayList<>();
        List<Boolean> onOwner = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int n = i;
            if (i % 2 == 0) {
                actor.run(() -> seen.add(n));
            } else {
                actor.call(() -> seen.add(n));
            }
            actor.run(() -> onOwner.add(actor.isOwnerThread()));
        }

        List<Integer> result = await(actor.call(() -> List.copyOf(seen)));

        assertEquals(IntStream.range(0, 500).boxed().toList(), result);
        assertTrue(await(actor.call(() -> onOwner.stream().allMatch(Boolean::booleanValue))));
        assertEquals("test-actor", await(actor.call(() -> Thread.currentThread().getName())));
        assertTrue(await(actor.call(() -> Thread.currentThread().isDaemon())));
        assertFalse(actor.isOwnerThread());
    }

    @Test
    void callCompletesWithTheResult() throws Exception {
        assertEquals(42, await(actor.call(() -> 42)));
    }

    @Test
    void failingCallCompletesExceptionallyWithTheCause() throws Exception {
        IllegalStateException failure = new IllegalStateException("state is broken");

        CompletableFuture<Object> result = actor.call(() -> {
            throw failure;
        });

        ExecutionException thrown = assertThrows(ExecutionException.class, () -> await(result));
        assertSame(failure, thrown.getCause());
        assertEquals(7, await(actor.call(() -> 7)), "the actor keeps working after a failed call");
    }

    @Test
    void failingRunIsLoggedAndLaterWorkStillRuns() throws Exception {
        actor.run(() -> {
            throw new IllegalArgumentException("bad input in fire-and-forget work");
        });

        assertEquals("still alive", await(actor.call(() -> "still alive")));
        LogRecord record = onlyErrorLogged();
        assertTrue(record.getMessage().contains("test-actor"), record.getMessage());
        assertEquals("bad input in fire-and-forget work", record.getThrown().getMessage());
    }

    @Test
    void failingScheduledWorkIsLogged() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        actor.schedule(Duration.ofMillis(10), () -> {
            ran.countDown();
            throw new IllegalStateException("timer failed");
        });

        assertTrue(ran.await(WAIT_SECONDS, TimeUnit.SECONDS));
        drain();
        assertEquals("timer failed", onlyErrorLogged().getThrown().getMessage());
    }

    @Test
    void scheduledWorkRunsOnTheActorThreadNoEarlierThanItsDelay() throws Exception {
        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        long start = System.nanoTime();

        actor.schedule(Duration.ofMillis(100), () -> ran.complete(actor.isOwnerThread()));

        assertTrue(await(ran));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void cancelledTimerNeverRuns() throws Exception {
        AtomicInteger cancelledRuns = new AtomicInteger();
        CompletableFuture<Void> later = new CompletableFuture<>();

        Actor.Timer timer = actor.schedule(Duration.ofMillis(50), cancelledRuns::incrementAndGet);
        timer.cancel();
        timer.cancel();
        // Timers run in deadline order, so once this one ran the cancelled one's time has passed.
        actor.schedule(Duration.ofMillis(150), () -> later.complete(null));

        await(later);
        assertEquals(0, cancelledRuns.get());
    }

    @Test
    void cancellingATimerThatAlreadyRanIsHarmless() throws Exception {
        CompletableFuture<Void> ran = new CompletableFuture<>();
        Actor.Timer timer = actor.schedule(Duration.ZERO, () -> ran.complete(null));
        await(ran);

        timer.cancel();

        assertEquals(1, await(actor.call(() -> 1)));
    }

    @Test
    void closeRunsWorkQueuedBeforeIt() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        actor.run(() -> awaitQuietly(gate));
        for (int i = 0; i < 10; i++) {
            int n = i;
            actor.run(() -> seen.add(n));
        }
        gate.countDown();

        actor.close();

        assertEquals(IntStream.range(0, 10).boxed().toList(), seen);
    }

    @Test
    void closedActorRefusesNewWorkWithoutThrowing() {
        actor.close();
        AtomicInteger runs = new AtomicInteger();

        CompletableFuture<Integer> call = actor.call(runs::incrementAndGet);
        actor.run(runs::incrementAndGet);
        Actor.Timer timer = actor.schedule(Duration.ZERO, runs::incrementAndGet);
        timer.cancel();
        actor.close();

        ExecutionException refused = assertThrows(ExecutionException.class, () -> await(call));
        assertInstanceOf(RejectedExecutionException.class, refused.getCause());
        assertEquals(0, runs.get());
    }

    @Test
    void closeNeitherWaitsForNorRunsPendingTimers() {
        AtomicInteger runs = new AtomicInteger();
        actor.schedule(Duration.ofSeconds(3), runs::incrementAndGet);
        long start = System.nanoTime();

        actor.close();

        long closedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(closedAfterMillis < 2_000, "close waited " + closedAfterMillis + " ms for a pending timer");
        assertEquals(0, runs.get());
    }

    private LogRecord onlyErrorLogged() {
        List<LogRecord> errors = logged.stream().filter(record -> record.getLevel() == Level.SEVERE).toList();
        assertEquals(1, errors.size(), () -> "expected one error logged, got " + errors);
        return errors.get(0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
