package org.meseta.containerizer.cgroups.internal;

/**
 * What {@code cgroups/cpu} writes for a number of cpus, as Mesos computes it: shares of 1024 per cpu (at least 2),
 * and a CFS quota of the cpus times a 100 ms period (at least 1 ms); for v2 the shares become a weight on v2's
 * scale of 1 to 10000 (1024 shares = weight 100 = v2's default) and the quota {@code cpu.max}. Stateless.
 */
final class CpuControl {

    static final long SHARES_PER_CPU = 1024;
    static final long MIN_SHARES = 2;
    static final long MAX_SHARES = 262_144;
    static final long CFS_PERIOD_MICROS = 100_000;
    static final long MIN_CFS_QUOTA_MICROS = 1_000;
    /** {@code cpu.cfs_quota_us} (v1) without a quota. */
    static final String NO_CFS_QUOTA = "-1";

    private CpuControl() {}

    /** {@code cpu.shares} (v1). */
    static long shares(double cpus) {
        return Math.min(MAX_SHARES, Math.max(MIN_SHARES, (long) (SHARES_PER_CPU * cpus)));
    }

    /** {@code cpu.cfs_quota_us} (v1) for {@link #CFS_PERIOD_MICROS}. */
    static long quotaMicros(double cpus) {
        return Math.max(MIN_CFS_QUOTA_MICROS, (long) (CFS_PERIOD_MICROS * cpus));
    }

    /** {@code cpu.weight} (v2): the shares mapped linearly from [2, 262144] onto [1, 10000]. */
    static long weight(double cpus) {
        return 1 + (shares(cpus) - MIN_SHARES) * 9_999 / (MAX_SHARES - MIN_SHARES);
    }

    /** {@code cpu.max} (v2): {@code "<quota> <period>"}, or {@code "max <period>"} without a cap. */
    static String max(double cpus, boolean capped) {
        return (capped ? Long.toString(quotaMicros(cpus)) : "max") + " " + CFS_PERIOD_MICROS;
    }
}
