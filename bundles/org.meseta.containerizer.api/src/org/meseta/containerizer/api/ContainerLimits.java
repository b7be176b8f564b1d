package org.meseta.containerizer.api;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a container may use: the {@code cpus} and {@code mem} of its executor and live tasks, as Mesos's containerizer
 * derives them from the resources. An absent value means no limit of that kind.
 *
 * @param cpus the cpu shares, e.g. 0.5
 * @param memBytes the memory in bytes (the {@code mem} resource is in MB)
 */
public record ContainerLimits(OptionalDouble cpus, OptionalLong memBytes) {

    /** No limit at all. */
    public static final ContainerLimits NONE = new ContainerLimits(OptionalDouble.empty(), OptionalLong.empty());
}
