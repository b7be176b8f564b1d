package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Test helper: polls a condition with short sleeps up to a deadline. */
final class Eventually {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private Eventually() {}

    static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + DEFAULT_TIMEOUT.toMillis() + " ms waiting until " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Checks that {@code condition} holds at every poll for {@code period}. */
    static void holds(String what, Duration period, Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < until) {
            assertTrue(condition.call(), what);
            Thread.sleep(POLL_MILLIS);
        }
    }
}
