package org.meseta.agent.internal.health;

import java.util.Map;
import java.util.Optional;
import org.meseta.agent.internal.executor.ContainerLauncher;
import org.meseta.agent.internal.executor.RunAs;
import org.meseta.agent.internal.executor.Sandbox;

/**
 * The task a health checker checks, as far as its checks need it.
 *
 * @param taskId the task's id, for the log
 * @param launcher starts command checks
 * @param sandbox where command checks run
 * @param environment the task's own environment, which command checks get too
 * @param runAs the task's user, who runs command checks; empty for the agent's
 */
public record CheckedTask(String taskId, ContainerLauncher launcher, Sandbox sandbox,
        Map<String, String> environment, Optional<RunAs> runAs) {}
