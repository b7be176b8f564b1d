package org.meseta.containerizer.cgroups.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.meseta.containerizer.api.CgroupsOptions;
import org.meseta.containerizer.api.IsolatorException;

/** Finds the hierarchies each cgroups isolator needs on this host; shared by the factories. Stateless. */
final class CgroupsIsolatorFactories {

    private CgroupsIsolatorFactories() {}

    /** The hierarchy of each controller, in order, each checked and prepared. */
    static Map<String, Hierarchy> hierarchies(CgroupsOptions options, String... controllers)
            throws IsolatorException {
        Map<String, Hierarchy> hierarchies = new LinkedHashMap<>();
        for (String controller : controllers) {
            hierarchies.put(controller, Mounts.require(controller, options));
        }
        return hierarchies;
    }

    /** {@code cpu}, and {@code cpuacct} (v1's cpu accounting; on v2 part of {@code cpu}). */
    static Map<String, Hierarchy> cpu(CgroupsOptions options) throws IsolatorException {
        Map<String, Hierarchy> hierarchies = hierarchies(options, CgroupsCpuIsolator.CPU);
        Hierarchy cpu = hierarchies.get(CgroupsCpuIsolator.CPU);
        hierarchies.put(CgroupsCpuIsolator.CPUACCT, cpu.version() == CgroupsVersion.V2 ? cpu
                : Mounts.require(CgroupsCpuIsolator.CPUACCT, options));
        return hierarchies;
    }
}
