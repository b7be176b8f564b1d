package org.meseta.containerizer.namespaces.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLaunchInfo;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.Limitation;
import org.meseta.containerizer.api.RunningContainer;

/**
 * {@code namespaces/pid}, as Mesos's: each container's processes run in a pid namespace of their own, the executor (or
 * a command task) as its pid 1, with a {@code /proc} of that namespace mounted in a mount namespace of the container's,
 * so that the container sees only its own processes. The container's first process starts through the wrapper
 * {@link PidNamespaceSupport} found (util-linux {@code unshare --pid --fork --mount-proc --kill-child}): that process
 * stays in the agent's namespace, in the container's session and cgroups, and waits for its child, the namespace's
 * init; whatever ends the first process kills the init (and the kernel every other process of the namespace with it).
 * The agent, the launcher and the other isolators go on seeing the container's processes with their host pids.
 * Isolates nothing else, measures and enforces nothing. Thread-safe.
 */
final class PidNamespaceIsolator implements Isolator {

    private final ContainerLaunchInfo launch;
    private final Set<ContainerId> containers = ConcurrentHashMap.newKeySet();

    /** @param launch the wrapper that starts a process in a new pid namespace */
    PidNamespaceIsolator(ContainerLaunchInfo launch) {
        this.launch = launch;
    }

    @Override
    public void recover(List<RunningContainer> running) {
        running.forEach(container -> containers.add(container.config().id()));
    }

    @Override
    public void prepare(ContainerConfig config) throws IsolatorException {
        if (!containers.add(config.id())) {
            throw new IsolatorException("Container " + config.id() + " is already prepared");
        }
    }

    @Override
    public ContainerLaunchInfo launchInfo(ContainerConfig config) throws IsolatorException {
        known(config.id());
        return launch;
    }

    /** Nothing to do: the process was started in its namespace. */
    @Override
    public void isolate(ContainerId id, long pid) throws IsolatorException {
        known(id);
    }

    @Override
    public CompletableFuture<Limitation> watch(ContainerId id) {
        return new CompletableFuture<>(); // a namespace limits nothing
    }

    @Override
    public void update(ContainerId id, ContainerLimits limits) throws IsolatorException {
        known(id);
    }

    @Override
    public ResourceStatistics usage(ContainerId id) throws IsolatorException {
        known(id);
        return ResourceStatistics.newBuilder().buildPartial();
    }

    /** The namespace went with its last process; only the container's record is left to drop. */
    @Override
    public void cleanup(ContainerId id) {
        containers.remove(id);
    }

    @Override
    public void close() {
        containers.clear();
    }

    private void known(ContainerId id) throws IsolatorException {
        if (!containers.contains(id)) {
            throw new IsolatorException("Unknown container " + id);
        }
    }
}
