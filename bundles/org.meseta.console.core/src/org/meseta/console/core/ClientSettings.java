package org.meseta.console.core;

import java.time.Duration;

/**
 * How a {@link ClusterClient} paces itself.
 *
 * @param coalesceInterval the shortest time between two changes told to change listeners: events arriving
 *        meanwhile are told together
 * @param firstRetryDelay the pause after the first failure to reach the master; it doubles after each further one
 * @param maxRetryDelay the longest pause between retries
 * @param requestTimeout how long to wait for the master to accept a connection and again for it to answer
 * @param missedHeartbeats how many of the master's heartbeat intervals a stream may stay silent before the
 *        client gives it up and connects again
 */
public record ClientSettings(Duration coalesceInterval, Duration firstRetryDelay, Duration maxRetryDelay,
        Duration requestTimeout, int missedHeartbeats) {

    /** Changes at most every 100 ms; retry after 1 s, 2 s, 4 s, then every 5 s; 3 s timeouts; 5 heartbeats. */
    public static final ClientSettings DEFAULT = new ClientSettings(Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(3), 5);

    /**
     * @throws IllegalArgumentException if a duration is not positive, the maximum delay is below the first, or
     *         fewer than one missed heartbeat is allowed
     */
    public ClientSettings {
        requirePositive("coalesceInterval", coalesceInterval);
        requirePositive("firstRetryDelay", firstRetryDelay);
        requirePositive("maxRetryDelay", maxRetryDelay);
        requirePositive("requestTimeout", requestTimeout);
        if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new IllegalArgumentException(
                    "maxRetryDelay " + maxRetryDelay + " is shorter than firstRetryDelay " + firstRetryDelay);
        }
        if (missedHeartbeats < 1) {
            throw new IllegalArgumentException("missedHeartbeats must be at least 1, not " + missedHeartbeats);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
    }
}
