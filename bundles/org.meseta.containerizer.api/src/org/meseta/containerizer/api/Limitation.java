package org.meseta.containerizer.api;

import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * A container went beyond one of its limits, as Mesos's {@code ContainerLimitation} says: the agent kills it and
 * fails its unfinished tasks with this reason and message.
 *
 * @param reason e.g. {@code REASON_CONTAINER_LIMITATION_MEMORY}
 * @param message one line for the task's status update, e.g. {@code Memory limit exceeded: ...}
 */
public record Limitation(TaskStatus.Reason reason, String message) {

    private static final long KB = 1024;
    private static final long MB = 1024 * KB;
    private static final long GB = 1024 * MB;

    /**
     * The memory limitation in Mesos's words, e.g. {@code Memory limit exceeded: Requested: 32MB Maximum Used:
     * 159988KB}.
     *
     * @param limitBytes the container's memory limit
     * @param usedBytes the most it was seen to use
     */
    public static Limitation memory(long limitBytes, long usedBytes) {
        return new Limitation(TaskStatus.Reason.REASON_CONTAINER_LIMITATION_MEMORY, "Memory limit exceeded: Requested: "
                + bytes(limitBytes) + " Maximum Used: " + bytes(usedBytes));
    }

    /** A size as Mesos prints it: in the largest of GB, MB, KB that divides it exactly, else in bytes. */
    static String bytes(long bytes) {
        for (long unit : new long[] {GB, MB, KB}) {
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + (unit == GB ? "GB" : unit == MB ? "MB" : "KB");
            }
        }
        return bytes + "B";
    }
}
