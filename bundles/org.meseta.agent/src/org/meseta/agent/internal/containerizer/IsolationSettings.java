package org.meseta.agent.internal.containerizer;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.meseta.containerizer.api.CgroupsOptions;

/**
 * The agent's isolation settings, the part of its configuration the operator may change while it runs: which
 * isolators new containers get, whether {@code cgroups/cpu} caps with CFS, how {@code cgroups/mem} limits, the
 * {@code cgroups/pids} limit and the cgroups root. They start as the flags say ({@code --isolation},
 * {@code --cgroups_enable_cfs}, {@code --cgroups_pids_max}, {@code --cgroups_root}) unless {@code --work_dir} holds
 * settings saved by an earlier change ({@link SettingsFile}).
 *
 * @param isolation the isolators' names, in order, without duplicates
 * @param cgroupsEnableCfs whether {@code cgroups/cpu} sets a CFS quota
 * @param memoryLimitMode how {@code cgroups/mem} limits
 * @param pidsLimit {@code pids.max} of {@code cgroups/pids}, empty for no limit
 * @param cgroupsRoot cgroup names separated by {@code /} (see {@link #validRoot})
 */
public record IsolationSettings(List<String> isolation, boolean cgroupsEnableCfs, MemoryLimitMode memoryLimitMode,
        OptionalLong pidsLimit, String cgroupsRoot) {

    /** Names of [A-Za-z0-9._-] separated by single slashes. */
    private static final Pattern CGROUP_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    public IsolationSettings {
        isolation = List.copyOf(isolation);
    }

    /** The settings of the flags' values. */
    public static IsolationSettings of(List<String> isolation, CgroupsOptions cgroups) {
        return new IsolationSettings(isolation, cgroups.enableCfs(), MemoryLimitMode.HARD, cgroups.pidsMax(),
                cgroups.root());
    }

    /** The cgroups options isolators are created or reconfigured with. */
    public CgroupsOptions cgroups(Path hierarchy) {
        return new CgroupsOptions(hierarchy, cgroupsRoot, cgroupsEnableCfs, pidsLimit);
    }

    /** Whether {@code root} may be a cgroups root: names separated by {@code /}, none {@code .} or {@code ..}. */
    public static boolean validRoot(String root) {
        return CGROUP_PATH.matcher(root).matches()
                && List.of(root.split("/")).stream().noneMatch(name -> name.equals(".") || name.equals(".."));
    }

    /**
     * {@code text} as a pids limit: a positive integer, or {@code max} for none.
     *
     * @throws IllegalArgumentException if it is neither
     */
    public static OptionalLong pidsLimit(String text) {
        if (text.equals("max")) {
            return OptionalLong.empty();
        }
        try {
            long max = Long.parseLong(text);
            if (max > 0) {
                return OptionalLong.of(max);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("'" + text + "' is neither a positive integer nor 'max'");
    }
}
