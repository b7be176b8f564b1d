package org.meseta.agent.internal;

import java.time.Duration;
import java.util.Objects;
import org.meseta.agent.internal.updates.RetryIntervals;

/**
 * The agent's fixed timings that are no flags in Mesos, in one place so that tests can shorten them.
 *
 * @param statusUpdateRetry how often unacknowledged status updates are sent again
 * @param executorHeartbeatInterval how often an executor's event stream carries a {@code HEARTBEAT}
 */
public record AgentTimings(RetryIntervals statusUpdateRetry, Duration executorHeartbeatInterval) {

    /** Mesos's values: updates again after 10 s doubling up to 10 min, executor heartbeats every 30 s. */
    public static final AgentTimings MESOS = new AgentTimings(RetryIntervals.MESOS, Duration.ofSeconds(30));

    public AgentTimings {
        Objects.requireNonNull(statusUpdateRetry, "statusUpdateRetry");
        Objects.requireNonNull(executorHeartbeatInterval, "executorHeartbeatInterval");
    }
}
