package org.meseta.console.core;

import java.time.Duration;

/**
 * How often a {@link ClusterClient} asks its master and how it backs off while the master fails.
 *
 * @param pollInterval the pause between the end of one successful poll and the next
 * @param firstRetryDelay the pause after the first failure; it doubles after each further one
 * @param maxRetryDelay the longest pause between retries
 * @param requestTimeout how long to wait for the master to accept a connection and again for it to answer
 */
public record PollSettings(Duration pollInterval, Duration firstRetryDelay, Duration maxRetryDelay,
        Duration requestTimeout) {

    /** Poll every second; retry after 1 s, 2 s, 4 s, then every 5 s; give up on a request after 3 s. */
    public static final PollSettings DEFAULT = new PollSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(3));

    /** @throws IllegalArgumentException if a duration is not positive or the maximum delay is below the first */
    public PollSettings {
        requirePositive("pollInterval", pollInterval);
        requirePositive("firstRetryDelay", firstRetryDelay);
        requirePositive("maxRetryDelay", maxRetryDelay);
        requirePositive("requestTimeout", requestTimeout);
        if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new IllegalArgumentException(
                    "maxRetryDelay " + maxRetryDelay + " is shorter than firstRetryDelay " + firstRetryDelay);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
    }
}
