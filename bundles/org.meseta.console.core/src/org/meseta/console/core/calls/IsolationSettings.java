package org.meseta.console.core.calls;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An agent's isolation settings as its {@code /api/v1/meseta/isolation} answers them. Immutable.
 *
 * @param isolation the isolators new containers get, in order
 * @param cgroupsEnableCfs whether {@code cgroups/cpu} sets a CFS quota
 * @param memoryLimitMode how {@code cgroups/mem} limits memory, one of {@code memoryLimitModes}
 * @param pidsLimit a positive integer, or {@code max}
 * @param cgroupsRoot the cgroup under which new containers get theirs
 * @param installedIsolators every isolator the agent can enable
 * @param memoryLimitModes the memory limit modes it supports
 * @param appliesToRunning the settings that running containers take when changed (the others apply to new
 *        containers only)
 * @param applied after a change: what changed and how running containers took it; empty when only read
 */
public record IsolationSettings(List<String> isolation, boolean cgroupsEnableCfs, String memoryLimitMode,
        String pidsLimit, String cgroupsRoot, List<String> installedIsolators, List<String> memoryLimitModes,
        Set<IsolationField> appliesToRunning, Optional<Applied> applied) {

    public IsolationSettings {
        isolation = List.copyOf(isolation);
        installedIsolators = List.copyOf(installedIsolators);
        memoryLimitModes = List.copyOf(memoryLimitModes);
        appliesToRunning = Set.copyOf(appliesToRunning);
    }

    /**
     * What a change did.
     *
     * @param changed the settings whose value changed
     * @param toRunning those of them that went to running containers
     * @param runningContainers each running container and whether every isolator took the new settings
     */
    public record Applied(List<IsolationField> changed, List<IsolationField> toRunning,
            List<RunningContainer> runningContainers) {
        public Applied {
            changed = List.copyOf(changed);
            toRunning = List.copyOf(toRunning);
            runningContainers = List.copyOf(runningContainers);
        }
    }

    /**
     * One running container after a change.
     *
     * @param containerId its id
     * @param applied whether every isolator took the new settings
     * @param failures why not, one line per isolator that refused
     */
    public record RunningContainer(String containerId, boolean applied, List<String> failures) {
        public RunningContainer {
            failures = List.copyOf(failures);
        }
    }
}
