package org.meseta.containerizer.posix.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.Launcher;
import org.meseta.containerizer.api.Limitation;
import org.meseta.containerizer.api.RunningContainer;

/**
 * {@code posix/cpu}, as in Mesos: no isolation, only usage: the user and system cpu seconds of the container's
 * processes, read from {@code /proc} (each live process's own time plus that of the children it waited for).
 * Thread-safe.
 */
final class PosixCpuIsolator implements Isolator {

    private final PosixContainers containers;
    private final double ticksPerSecond;

    PosixCpuIsolator(Launcher launcher, long ticksPerSecond) {
        this.containers = new PosixContainers(launcher);
        this.ticksPerSecond = ticksPerSecond;
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

    @Override
    public CompletableFuture<Limitation> watch(ContainerId id) {
        return new CompletableFuture<>(); // posix/cpu enforces nothing
    }

    @Override
    public void update(ContainerId id, ContainerLimits limits) throws IsolatorException {
        containers.entry(id);
    }

    @Override
    public ResourceStatistics usage(ContainerId id) throws IsolatorException {
        Proc.CpuTicks ticks = containers.processes(id).stream().map(Proc::cpu)
                .reduce(Proc.CpuTicks.NONE, Proc.CpuTicks::plus);
        return ResourceStatistics.newBuilder()
                .setCpusUserTimeSecs(ticks.user() / ticksPerSecond)
                .setCpusSystemTimeSecs(ticks.system() / ticksPerSecond)
                .buildPartial();
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
