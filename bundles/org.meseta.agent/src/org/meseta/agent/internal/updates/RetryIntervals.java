package org.meseta.agent.internal.updates;

import java.time.Duration;
import java.util.Objects;

/**
 * How often an unacknowledged status update is sent to the master again: first after {@code min}, then after twice
 * the previous wait, capped at {@code max}. Mesos's agent uses 10 s and 10 min ({@link #MESOS}); tests use short ones.
 */
public record RetryIntervals(Duration min, Duration max) {

    /** Mesos's {@code STATUS_UPDATE_RETRY_INTERVAL_MIN} and {@code _MAX}. */
    public static final RetryIntervals MESOS = new RetryIntervals(Duration.ofSeconds(10), Duration.ofMinutes(10));

    public RetryIntervals {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("Retry intervals need 0 < min <= max, got " + min + " and " + max);
        }
    }

    /** The wait after {@code previous}: doubled, at most {@link #max()}. */
    Duration next(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
