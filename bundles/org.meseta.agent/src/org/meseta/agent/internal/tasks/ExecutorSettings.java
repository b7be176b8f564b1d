package org.meseta.agent.internal.tasks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What executors need to know of the agent's configuration.
 *
 * @param workDir {@code --work_dir}, under which sandboxes are created
 * @param agentPid the agent's libprocess pid, {@code slave(1)@ip:port}
 * @param agentEndpoint where executors reach the agent, {@code ip:port}
 * @param registrationTimeout {@code --executor_registration_timeout}
 * @param shutdownGracePeriod {@code --executor_shutdown_grace_period}
 * @param recoveryTimeout {@code --recovery_timeout}, told to executors of checkpointing frameworks
 * @param reregistrationTimeout {@code --executor_reregistration_timeout}: how long a restarted agent waits for an
 *     executor to subscribe again; told to executors of checkpointing frameworks as their subscription backoff
 * @param heartbeatInterval how often an executor's event stream carries a {@code HEARTBEAT}
 */
public record ExecutorSettings(
        Path workDir,
        String agentPid,
        String agentEndpoint,
        Duration registrationTimeout,
        Duration shutdownGracePeriod,
        Duration recoveryTimeout,
        Duration reregistrationTimeout,
        Duration heartbeatInterval) {}
