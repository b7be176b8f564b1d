package org.meseta.containerizer.posix.internal;

import java.util.List;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.Launcher;
import org.meseta.containerizer.api.RunningContainer;

/**
 * What the posix isolators share: they isolate nothing, they only know each container's processes
 * ({@link PosixContainers}) to measure them. A subclass adds its usage and, if it watches, its limitation.
 * Thread-safe.
 */
abstract class PosixIsolator implements Isolator {

    final PosixContainers containers;

    PosixIsolator(Launcher launcher) {
        this.containers = new PosixContainers(launcher);
    }

    @Override
    public void recover(List<RunningContainer> running) {
        containers.recover(running);
    }

    @Override
    public void prepare(ContainerConfig config) throws IsolatorException {
        containers.prepare(config);
    }

    @Override
    public void isolate(ContainerId id, long pid) throws IsolatorException {
        containers.isolate(id, pid);
    }

    /** Nothing to change in the kernel; only checks the container is known. */
    @Override
    public void update(ContainerId id, ContainerLimits limits) throws IsolatorException {
        containers.entry(id);
    }

    @Override
    public void cleanup(ContainerId id) {
        containers.remove(id);
    }

    @Override
    public void close() {
        containers.clear();
    }
}
