package org.meseta.console.core.history;

/** The charts a {@link MetricHistory} keeps series for, with what their values mean. */
public enum MetricChart {
    /** CPUs allocated to each role's tasks and executors. */
    CPUS_BY_ROLE("CPUs allocated, by role", "cpus"),
    /** Memory allocated to each role's tasks and executors. */
    MEM_BY_ROLE("Memory allocated, by role", "MB"),
    /** Offers made, accepted, declined and rescinded (timed out included) per second. */
    OFFERS_PER_SECOND("Offers per second", "per s"),
    /** Tasks that have not ended, by state. */
    TASKS_BY_STATE("Tasks, by state", "tasks"),
    /** Tasks that ended, by final state, per minute. */
    TASKS_ENDED("Tasks ended per minute, by state", "per min"),
    /** Agents by state. */
    AGENTS_BY_STATE("Agents, by state", "agents");

    private final String title;
    private final String unit;

    MetricChart(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    /** What the chart shows, for its heading. */
    public String title() {
        return title;
    }

    /** The unit of its values, for its axis. */
    public String unit() {
        return unit;
    }
}
