package org.meseta.agent.internal.containerizer;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.meseta.containerizer.api.ContainerLimits;

/**
 * A container's limits from the resources of its executor and live tasks, as Mesos's containerizer derives them: the
 * sum of the scalar {@code cpus}, and of the scalar {@code mem} (MB) in bytes, of any role. Stateless.
 */
public final class Limits {

    private static final long BYTES_PER_MB = 1024L * 1024;

    private Limits() {}

    public static ContainerLimits of(List<Resource> resources) {
        double cpus = sum(resources, "cpus");
        double mem = sum(resources, "mem");
        return new ContainerLimits(cpus > 0 ? OptionalDouble.of(cpus) : OptionalDouble.empty(),
                mem > 0 ? OptionalLong.of(Math.round(mem * BYTES_PER_MB)) : OptionalLong.empty());
    }

    private static double sum(List<Resource> resources, String name) {
        return resources.stream().filter(r -> r.getName().equals(name) && r.getType() == Value.Type.SCALAR)
                .mapToDouble(r -> r.getScalar().getValue()).sum();
    }
}
