package org.meseta.agent.internal.health;

/**
 * A result of a task's health checks that its executor tells the framework, as Mesos's {@code TaskHealthStatus}.
 *
 * @param healthy whether the last check passed
 * @param consecutiveFailures the failures in a row so far (0 when healthy)
 * @param killTask the failures reached the check's {@code consecutive_failures}: the task is to be killed
 */
public record HealthReport(boolean healthy, int consecutiveFailures, boolean killTask) {}
