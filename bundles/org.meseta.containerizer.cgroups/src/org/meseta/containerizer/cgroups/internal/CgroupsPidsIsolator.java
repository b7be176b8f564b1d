package org.meseta.containerizer.cgroups.internal;

import java.util.Map;
import java.util.OptionalLong;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.IsolatorException;

/**
 * {@code cgroups/pids}: caps the processes and threads of a container at {@code --cgroups_pids_max}
 * ({@code pids.max}, the same on v1 and v2), so a fork bomb's forks fail instead of filling the machine. Usage: the
 * container's {@code processes} and {@code threads}. Thread-safe.
 */
final class CgroupsPidsIsolator extends CgroupsIsolator {

    static final String PIDS = "pids";

    private final OptionalLong max;

    CgroupsPidsIsolator(Map<String, Hierarchy> hierarchies, OptionalLong max) {
        super(hierarchies);
        this.max = max;
    }

    @Override
    void configure(Cgroups cgroups, ContainerLimits limits) throws IsolatorException {
        cgroups.of(PIDS).write("pids.max", max.isPresent() ? Long.toString(max.getAsLong()) : "max");
    }

    @Override
    ResourceStatistics usage(Cgroups cgroups) throws IsolatorException {
        Cgroup pids = cgroups.of(PIDS);
        return ResourceStatistics.newBuilder().setProcesses(pids.processes().size())
                .setThreads(Math.toIntExact(pids.readLong("pids.current"))).buildPartial();
    }
}
