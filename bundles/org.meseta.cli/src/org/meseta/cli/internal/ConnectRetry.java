package org.meseta.cli.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a run keeps trying to reach a master that does not accept connections, as a scheduler does while the
 * master starts or fails over. Bounded: a master that stays away ends the run with one line.
 */
@FunctionalInterface
interface ConnectRetry {

    /** Ten more attempts, half a second apart: a master that is coming up has about five seconds. */
    ConnectRetry DEFAULT = every(Duration.ofMillis(500), 10);

    /**
     * The wait before the next attempt to subscribe, after {@code failures} attempts in a row could not connect;
     * empty to give up. Called on the session's thread; must not block.
     */
    Optional<Duration> next(int failures);

    /** Up to {@code retries} more attempts, {@code interval} apart. */
    static ConnectRetry every(Duration interval, int retries) {
        return failures -> failures <= retries ? Optional.of(interval) : Optional.empty();
    }
}
