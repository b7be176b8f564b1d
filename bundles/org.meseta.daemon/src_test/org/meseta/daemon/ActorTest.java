package org.meseta.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;
import org.meseta.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActorTest {

    private static final long WAIT_SECONDS = 5;

    private final Actor actor = new Actor("test-actor");
    /** The failures these tests provoke are expected: they are checked here, not shown in the build output. */
    private final LogCapture log = LogCapture.of(Actor.class);

    @AfterEach
    void closeActor() {
        log.close();
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
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 500; i++) {
            int n = i;
            if (i % 2 == 0) {
                actor.run(() -> seen.add(n));
            } else {
                actor.call(() -> seen.add(n));
            }
            actor.run(() -> threads.add(Thread.currentThread()));
        }

        List<Integer> result = await(actor.call(() -> List.copyOf(seen)));

        assertEquals(IntStream.range(0, 500).boxed().toList(), result);
        Thread owner = threads.iterator().next();
        assertEquals(Set.of(owner), threads, "one thread runs everything");
        assertEquals("test-actor", owner.getName());
        assertTrue(owner.isDaemon());
        assertNotSame(Thread.currentThread(), owner);
    }

    @Test
    void theBacklogCountsRunsThatAreDueButNotTimersAhead() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        actor.run(() -> {
            started.countDown();
            awaitQuietly(release);
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        actor.run(() -> {});
        actor.run(() -> {});
        actor.schedule(Duration.ofHours(1), () -> {});

        assertEquals(2, actor.backlog());

        release.countDown();
        assertEquals(0, (int) await(actor.call(actor::backlog)));
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

        actor.schedule(Duration.ofMillis(100), () -> ran.complete(Thread.currentThread().getName().equals("test-actor")));

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
    void abandonDropsTheQueuedWorkButLetsTheRunningWorkEnd() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        CompletableFuture<String> current = actor.call(() -> {
            running.countDown();
            awaitQuietly(gate);
            return "ended";
        });
        assertTrue(running.await(WAIT_SECONDS, TimeUnit.SECONDS));
        actor.run(() -> seen.add("queued run"));
        CompletableFuture<String> queued = actor.call(() -> "queued call");
        actor.schedule(Duration.ZERO, () -> seen.add("due timer"));

        Thread abandoning = new Thread(actor::abandon, "abandoning");
        abandoning.start();
        // Once it waits for the running work to end, the queued work has been abandoned.
        while (abandoning.isAlive() && abandoning.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        gate.countDown();
        abandoning.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        assertEquals("ended", await(current));
        ExecutionException dropped = assertThrows(ExecutionException.class, () -> await(queued));
        assertInstanceOf(RejectedExecutionException.class, dropped.getCause());
        assertEquals(List.of(), seen);
        assertEquals(List.of(), warnings(), "nothing was left to drop when the grace ran out");
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
        actor.schedule(Duration.ofDays(1), runs::incrementAndGet);

        actor.close();

        // Had close() waited for the timer, its grace period would have run out and it would have dropped work.
        assertEquals(List.of(), warnings(), "close ended normally");
        assertEquals(0, runs.get());
    }

    @Test
    void callsStillQueuedWhenTheGraceRunsOutCompleteExceptionally() throws Exception {
        Actor slow = new Actor("slow-actor", Duration.ZERO);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        CompletableFuture<Boolean> interrupted = slow.call(() -> {
            running.countDown();
            try {
                never.await(WAIT_SECONDS, TimeUnit.SECONDS);
                return false;
            } catch (InterruptedException e) {
                return true;
            }
        });
        CompletableFuture<Integer> queued = slow.call(() -> 1);
        AtomicInteger runs = new AtomicInteger();
        slow.run(runs::incrementAndGet);
        assertTrue(running.await(WAIT_SECONDS, TimeUnit.SECONDS));

        slow.close();

        ExecutionException dropped = assertThrows(ExecutionException.class, () -> await(queued));
        assertInstanceOf(RejectedExecutionException.class, dropped.getCause());
        assertTrue(dropped.getCause().getMessage().contains("slow-actor"), dropped.getCause().getMessage());
        assertTrue(await(interrupted), "the work that runs is interrupted and completes its own future");
        assertEquals(0, runs.get());
        assertEquals(1, warnings().size());
        assertEquals("The slow-actor thread did not finish its work within 0 ms; dropped 2 queued task(s)",
                warnings().get(0));
    }

    private List<String> warnings() {
        return log.messages(Level.WARNING);
    }

    private LogRecord onlyErrorLogged() {
        List<LogRecord> errors = log.records().stream().filter(record -> record.getLevel() == Level.SEVERE).toList();
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
