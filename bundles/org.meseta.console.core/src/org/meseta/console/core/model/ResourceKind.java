package org.meseta.console.core.model;

/** The resources the console draws for every agent, in the order it draws them. */
public enum ResourceKind {
    /** CPU shares. */
    CPUS("cpus"),
    /** Memory in megabytes. */
    MEM("mem"),
    /** Disk in megabytes. */
    DISK("disk"),
    /** Ports, counted one by one. */
    PORTS("ports");

    private final String resourceName;

    ResourceKind(String resourceName) {
        this.resourceName = resourceName;
    }

    /** The Mesos resource name: {@code cpus}, {@code mem}, {@code disk} or {@code ports}. */
    public String resourceName() {
        return resourceName;
    }
}
