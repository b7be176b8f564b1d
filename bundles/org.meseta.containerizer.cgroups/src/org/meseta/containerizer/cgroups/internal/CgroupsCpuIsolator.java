package org.meseta.containerizer.cgroups.internal;

import java.util.Map;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.meseta.containerizer.api.CgroupsOptions;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.IsolatorException;

/**
 * {@code cgroups/cpu}: weighs a container by its cpus ({@code cpu.shares} on v1, {@code cpu.weight} on v2) and, with
 * {@code --cgroups_enable_cfs}, caps it at them with the CFS bandwidth quota ({@code cpu.cfs_quota_us} /
 * {@code cpu.max}). Usage: the user and system cpu time of everything that ran in the container ({@code cpuacct}
 * on v1, {@code cpu.stat} on v2) and, with CFS, the throttling from {@code cpu.stat}. A container without cpus keeps
 * the kernel's defaults. Whether CFS caps may change at runtime ({@link #reconfigure}); the next {@code update} of a
 * running container sets or lifts its quota. Thread-safe.
 */
final class CgroupsCpuIsolator extends CgroupsIsolator {

    static final String CPU = "cpu";
    static final String CPUACCT = "cpuacct";
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double MICROS_PER_SECOND = 1e6;

    private volatile boolean enableCfs;

    /** @param hierarchies of {@link #CPU} and {@link #CPUACCT} (the same one on v2) */
    CgroupsCpuIsolator(Map<String, Hierarchy> hierarchies, boolean enableCfs) {
        super(hierarchies);
        this.enableCfs = enableCfs;
    }

    @Override
    Map<String, Hierarchy> hierarchies(CgroupsOptions options) throws IsolatorException {
        return CgroupsIsolatorFactories.cpu(options);
    }

    @Override
    void settings(CgroupsOptions options) {
        enableCfs = options.enableCfs();
    }

    @Override
    void configure(Cgroups cgroups, ContainerLimits limits) throws IsolatorException {
        if (limits.cpus().isEmpty()) {
            return;
        }
        double cpus = limits.cpus().getAsDouble();
        Cgroup cpu = cgroups.of(CPU);
        if (cpu.version() == CgroupsVersion.V1) {
            cpu.write("cpu.shares", Long.toString(CpuControl.shares(cpus)));
            if (enableCfs) {
                cpu.write("cpu.cfs_period_us", Long.toString(CpuControl.CFS_PERIOD_MICROS));
                cpu.write("cpu.cfs_quota_us", Long.toString(CpuControl.quotaMicros(cpus)));
            } else {
                cpu.write("cpu.cfs_quota_us", CpuControl.NO_CFS_QUOTA); // lifts a quota set before CFS was disabled
            }
        } else {
            cpu.write("cpu.weight", Long.toString(CpuControl.weight(cpus)));
            cpu.write("cpu.max", CpuControl.max(cpus, enableCfs));
        }
    }

    @Override
    ResourceStatistics usage(Cgroups cgroups) throws IsolatorException {
        Cgroup cpu = cgroups.of(CPU);
        Map<String, Long> stat = cpu.readKeyed("cpu.stat");
        ResourceStatistics.Builder usage = ResourceStatistics.newBuilder();
        double throttledSecs;
        if (cpu.version() == CgroupsVersion.V1) {
            Cgroup cpuacct = cgroups.of(CPUACCT);
            usage.setCpusUserTimeSecs(cpuacct.readLong("cpuacct.usage_user") / NANOS_PER_SECOND)
                    .setCpusSystemTimeSecs(cpuacct.readLong("cpuacct.usage_sys") / NANOS_PER_SECOND);
            throttledSecs = stat.getOrDefault("throttled_time", 0L) / NANOS_PER_SECOND;
        } else {
            usage.setCpusUserTimeSecs(stat.getOrDefault("user_usec", 0L) / MICROS_PER_SECOND)
                    .setCpusSystemTimeSecs(stat.getOrDefault("system_usec", 0L) / MICROS_PER_SECOND);
            throttledSecs = stat.getOrDefault("throttled_usec", 0L) / MICROS_PER_SECOND;
        }
        if (enableCfs) {
            usage.setCpusNrPeriods(Math.toIntExact(stat.getOrDefault("nr_periods", 0L)))
                    .setCpusNrThrottled(Math.toIntExact(stat.getOrDefault("nr_throttled", 0L)))
                    .setCpusThrottledTimeSecs(throttledSecs);
        }
        return usage.buildPartial();
    }
}
