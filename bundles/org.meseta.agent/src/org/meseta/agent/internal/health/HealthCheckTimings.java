package org.meseta.agent.internal.health;

import java.time.Duration;
import java.util.Optional;
import org.apache.mesos.v1.Protos.HealthCheck;

/**
 * When and how often a task is checked, from its {@link HealthCheck} with Mesos's defaults (delay 15 s, interval
 * 10 s, timeout 20 s, 3 consecutive failures, grace period 10 s).
 *
 * @param delay from the task's start to the first check
 * @param interval from the end of one check to the start of the next
 * @param timeout how long one check may take; empty for no limit ({@code timeout_seconds} 0)
 * @param gracePeriod from the task's start, failures before the first success are not counted
 * @param consecutiveFailures the failures in a row after which the task is killed
 */
record HealthCheckTimings(Duration delay, Duration interval, Optional<Duration> timeout, Duration gracePeriod,
        int consecutiveFailures) {

    static HealthCheckTimings of(HealthCheck check) {
        Duration timeout = seconds(check.getTimeoutSeconds());
        return new HealthCheckTimings(seconds(check.getDelaySeconds()), seconds(check.getIntervalSeconds()),
                timeout.isZero() ? Optional.empty() : Optional.of(timeout), seconds(check.getGracePeriodSeconds()),
                check.getConsecutiveFailures());
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(Math.max(0, seconds) * 1e9));
    }
}
