package org.meseta.containerizer.posix.internal;

import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.Launcher;
import org.meseta.containerizer.api.Limitation;

/**
 * {@code posix/cpu}, as in Mesos: no isolation, only usage: the user and system cpu seconds of the container's
 * processes, read from {@code /proc} (each live process's own time plus that of the children it waited for).
 * Thread-safe.
 */
final class PosixCpuIsolator extends PosixIsolator {

    private final double ticksPerSecond;

    PosixCpuIsolator(Launcher launcher, long ticksPerSecond) {
        super(launcher);
        this.ticksPerSecond = ticksPerSecond;
    }

    @Override
    public CompletableFuture<Limitation> watch(ContainerId id) {
        return new CompletableFuture<>(); // posix/cpu enforces nothing
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
}
