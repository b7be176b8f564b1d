package org.meseta.containerizer.api;

/**
 * What the agent gives an isolator it creates.
 *
 * @param launcher tells which processes make up a container
 * @param cgroups the agent's cgroups flags, for isolators that use cgroups
 */
public record IsolatorOptions(Launcher launcher, CgroupsOptions cgroups) {

    /** Options with the default cgroups flags. */
    public IsolatorOptions(Launcher launcher) {
        this(launcher, CgroupsOptions.DEFAULT);
    }
}
