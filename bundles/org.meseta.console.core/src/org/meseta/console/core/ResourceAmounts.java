package org.meseta.console.core;

/**
 * The scalar resources the console shows for an agent, in Mesos units.
 *
 * @param cpus CPU shares
 * @param memMb memory in megabytes
 * @param diskMb disk in megabytes
 */
public record ResourceAmounts(double cpus, double memMb, double diskMb) {

    /** Nothing. */
    public static final ResourceAmounts NONE = new ResourceAmounts(0, 0, 0);
}
