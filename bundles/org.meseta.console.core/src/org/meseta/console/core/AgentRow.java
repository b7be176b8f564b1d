package org.meseta.console.core;

/**
 * One agent as the console shows it: an immutable value taken from the master's {@code GET_AGENTS}
 * answer.
 *
 * @param id the agent id the master assigned
 * @param hostname the host the agent runs on
 * @param total everything the agent offers to the cluster
 * @param used the part of {@code total} allocated to frameworks
 * @param attributes the agent's attributes in Mesos text form, {@code rack:r1;zone:a}; empty if none
 * @param active whether the master considers the agent active (connected and not deactivated)
 */
public record AgentRow(String id, String hostname, ResourceAmounts total, ResourceAmounts used, String attributes,
        boolean active) {
}
