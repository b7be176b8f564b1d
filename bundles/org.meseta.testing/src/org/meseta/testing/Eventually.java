package org.meseta.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Bounded waiting for what other threads do: polls a condition every {@value #POLL_MILLIS} ms on the calling
 * thread. A condition that throws ends the wait with that exception. Stateless.
 */
public final class Eventually {

    /** How long {@link #await(String, Callable)} waits: generous, since a passing test never waits it out. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private Eventually() {
    }

    /** Waits until {@code condition} holds, failing after {@link #DEFAULT_TIMEOUT}. */
    public static void await(String what, Callable<Boolean> condition) throws Exception {
        await(what, DEFAULT_TIMEOUT, condition);
    }

    /** Waits until {@code condition} holds, failing after {@code timeout} with a message naming {@code what}. */
    public static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout.toMillis() + " ms waiting until " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Checks that {@code condition} holds at every poll for {@code period}. */
    public static void holds(String what, Duration period, Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < until) {
            assertTrue(condition.call(), what);
            Thread.sleep(POLL_MILLIS);
        }
    }
}
