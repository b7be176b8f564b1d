package org.meseta.containerizer.cgroups.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.IsolatorException;

/**
 * A mounted cgroup hierarchy that holds a controller, with the agent's {@code --cgroups_root} below it.
 *
 * @param mount where it is mounted, e.g. {@code /sys/fs/cgroup/memory} (v1) or {@code /sys/fs/cgroup/unified} (v2)
 * @param version v1 or v2
 * @param root the agent's cgroup below the mount, under which each container gets one
 */
record Hierarchy(Path mount, CgroupsVersion version, Path root) {

    /** The cgroup of a container: {@code <mount>/<root>/<container id>}. */
    Cgroup cgroup(ContainerId id) {
        return new Cgroup(root.resolve(id.value()), version);
    }

    /** The cgroups of containers found below the root, e.g. left by an earlier agent. */
    List<Cgroup> children() throws IsolatorException {
        try (var entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).map(dir -> new Cgroup(dir, version)).toList();
        } catch (IOException e) {
            throw new IsolatorException("cannot list the cgroups in " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the root if needed and, on v2, enables {@code controller} for the children of the mount and of each
     * cgroup down to the root, so that containers' cgroups have its files. Idempotent.
     *
     * @throws IsolatorException if the hierarchy is not writable (the agent is not root, or it is mounted read-only)
     */
    void prepareRoot(String controller) throws IsolatorException {
        Path parent = mount;
        enable(parent, controller);
        for (Path name : mount.relativize(root)) {
            parent = parent.resolve(name);
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new IsolatorException("cannot create the cgroup " + parent + ": " + e.getMessage(), e);
            }
            enable(parent, controller);
        }
    }

    private void enable(Path cgroup, String controller) throws IsolatorException {
        if (version == CgroupsVersion.V1) {
            return;
        }
        Path control = cgroup.resolve("cgroup.subtree_control");
        try {
            if (!List.of(Files.readString(control).strip().split(" ")).contains(controller)) {
                Files.writeString(control, "+" + controller);
            }
        } catch (IOException e) {
            throw new IsolatorException("cannot enable the " + controller + " controller in " + control + ": "
                    + e.getMessage(), e);
        }
    }
}
