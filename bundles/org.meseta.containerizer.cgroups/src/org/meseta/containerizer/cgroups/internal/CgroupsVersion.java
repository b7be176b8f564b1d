package org.meseta.containerizer.cgroups.internal;

/** The two cgroup file systems: v1 has one hierarchy per controller (or group of them), v2 one for all. */
enum CgroupsVersion {
    /** {@code cgroup}: controllers chosen by mount options, a cgroup per container in each hierarchy. */
    V1,
    /** {@code cgroup2}: one hierarchy; controllers are enabled for children in {@code cgroup.subtree_control}. */
    V2
}
