package org.meseta.console.core.internal;

import java.time.Duration;

/**
 * Retry delays that start at a first delay and double after each failure up to a maximum
 * (1 s, 2 s, 4 s, 5 s, 5 s ... by default). Not thread-safe: owned by the client's thread.
 */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The delay before the next retry; each call doubles the one after it, up to the maximum. */
    Duration nextDelay() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    /** Starts again from the first delay, after a success. */
    void reset() {
        next = first;
    }
}
