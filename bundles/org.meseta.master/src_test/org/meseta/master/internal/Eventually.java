package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Test helper: polls a condition with short sleeps up to a deadline. */
final class Eventually {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

    private Eventually() {}

    static void await(String what, Callable<Boolean> condition) throws Exception {
        await(what, DEFAULT_TIMEOUT, condition);
    }

    static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout.toMillis() + " ms waiting until " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
