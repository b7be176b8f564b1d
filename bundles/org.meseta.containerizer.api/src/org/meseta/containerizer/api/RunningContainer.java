package org.meseta.containerizer.api;

/**
 * A container that was running before the agent restarted, as the agent recovered it from its checkpoint.
 *
 * @param config as it was prepared
 * @param pid its first process
 */
public record RunningContainer(ContainerConfig config, long pid) {}
