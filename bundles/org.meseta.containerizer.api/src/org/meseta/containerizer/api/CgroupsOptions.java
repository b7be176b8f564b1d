package org.meseta.containerizer.api;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The agent's cgroups flags, for the kernel isolators ({@code cgroups/cpu}, {@code cgroups/mem}, {@code cgroups/pids}).
 *
 * @param hierarchy where the cgroup file systems are mounted ({@code --cgroups_hierarchy}, Mesos's default
 *     {@code /sys/fs/cgroup})
 * @param root the cgroup, relative to each hierarchy's root, below which every container gets one of its own
 *     ({@code --cgroups_root}, default {@code mesos}); one or more names separated by {@code /}
 * @param enableCfs whether {@code cgroups/cpu} caps a container at its cpus with the CFS bandwidth quota
 *     ({@code --cgroups_enable_cfs}), not only weighs it with shares
 * @param pidsMax the most processes and threads a container may have ({@code --cgroups_pids_max}), empty for no
 *     limit
 */
public record CgroupsOptions(Path hierarchy, String root, boolean enableCfs, OptionalLong pidsMax) {

    /** Mesos's defaults, and at most {@value #DEFAULT_PIDS_MAX} processes per container. */
    public static final CgroupsOptions DEFAULT = new CgroupsOptions(Path.of("/sys/fs/cgroup"), "mesos", false,
            OptionalLong.of(CgroupsOptions.DEFAULT_PIDS_MAX));

    /** The default of {@code --cgroups_pids_max}. */
    public static final long DEFAULT_PIDS_MAX = 1024;
}
