package org.meseta.console.core.model;

/**
 * One resource of one agent as a bar: how much there is and what it is doing. {@code used} and {@code offered}
 * never overlap; {@code reserved} is a property of part of the total and overlaps with both.
 *
 * @param total everything the agent has of it
 * @param used allocated to frameworks' tasks and executors
 * @param offered in outstanding offers
 * @param reserved reserved to some role, used or not
 */
public record Usage(double total, double used, double offered, double reserved) {

    /** What is neither used nor offered (never negative). */
    public double free() {
        return Math.max(0, total - used - offered);
    }
}
