package org.meseta.containerizer.cgroups.internal;

import java.util.Map;
import java.util.OptionalLong;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.meseta.containerizer.api.CgroupsOptions;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.IsolatorException;

/**
 * {@code cgroups/pids}: caps the processes and threads of a container at {@code --cgroups_pids_max}
 * ({@code pids.max}, the same on v1 and v2), so a fork bomb's forks fail instead of filling the machine. The limit may change at runtime ({@link #reconfigure}); the
 * next {@code update} writes it to a running container's {@code pids.max}. Usage: the
 * container's {@code processes} and {@code threads}. Thread-safe.
 */
final class CgroupsPidsIsolator extends CgroupsIsolator {

    static final String PIDS = "pids";

    private volatile OptionalLong max;

    CgroupsPidsIsolator(Map<String, Hierarchy> hierarchies, OptionalLong max) {
        super(hierarchies);
        this.max = max;
    }

    @Override
    Map<String, Hierarchy> hierarchies(CgroupsOptions options) throws IsolatorException {
        return CgroupsIsolatorFactories.hierarchies(options, PIDS);
    }

    @Override
    void settings(CgroupsOptions options) {
        max = options.pidsMax();
    }

    @Override
    void configure(Cgroups cgroups, ContainerLimits limits) throws IsolatorException {
        OptionalLong current = max;
        cgroups.of(PIDS).write("pids.max", current.isPresent() ? Long.toString(current.getAsLong()) : "max");
    }

    @Override
    ResourceStatistics usage(Cgroups cgroups) throws IsolatorException {
        Cgroup pids = cgroups.of(PIDS);
        return ResourceStatistics.newBuilder().setProcesses(pids.processes().size())
                .setThreads(Math.toIntExact(pids.readLong("pids.current"))).buildPartial();
    }
}
