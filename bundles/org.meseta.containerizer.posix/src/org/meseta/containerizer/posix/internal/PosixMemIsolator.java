package org.meseta.containerizer.posix.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.Launcher;
import org.meseta.containerizer.api.Limitation;

/**
 * {@code posix/mem}: usage is the resident memory of the container's processes summed ({@code mem_rss_bytes}).
 * Unlike Mesos's, which only measures, it also enforces the limit: every {@value #CHECK_INTERVAL_MILLIS} ms it sums
 * the RSS of each container that has a memory limit, and one above it completes the container's {@link #watch} with
 * {@code REASON_CONTAINER_LIMITATION_MEMORY} (the agent kills it). A process can outgrow its limit between two
 * checks; cgroups/mem is the isolator that stops it at the limit. Thread-safe; checks run on one daemon thread of its
 * own.
 */
final class PosixMemIsolator extends PosixIsolator {

    static final long CHECK_INTERVAL_MILLIS = 200;

    private final Map<ContainerId, Watched> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checks;

    /** A watched container: its limit now and the future its limitation completes. */
    private record Watched(OptionalLong limitBytes, CompletableFuture<Limitation> limitation) {}

    PosixMemIsolator(Launcher launcher) {
        super(launcher);
        this.checks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("posix-mem-checks").factory());
        checks.scheduleWithFixedDelay(this::checkAll, CHECK_INTERVAL_MILLIS, CHECK_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Limitation> watch(ContainerId id) {
        try {
            OptionalLong limit = containers.entry(id).config().limits().memBytes();
            return watched.computeIfAbsent(id, key -> new Watched(limit, new CompletableFuture<>())).limitation();
        } catch (IsolatorException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void update(ContainerId id, ContainerLimits limits) throws IsolatorException {
        super.update(id, limits);
        watched.computeIfPresent(id, (key, old) -> new Watched(limits.memBytes(), old.limitation()));
    }

    @Override
    public ResourceStatistics usage(ContainerId id) throws IsolatorException {
        return ResourceStatistics.newBuilder().setMemRssBytes(rssBytes(id)).buildPartial();
    }

    private long rssBytes(ContainerId id) throws IsolatorException {
        return rssBytes(containers.processes(id));
    }

    private static long rssBytes(List<Long> processes) {
        return processes.stream().mapToLong(Proc::rssBytes).sum();
    }

    /** One look at the machine's processes for all the containers with a limit, however many there are. */
    private void checkAll() {
        Map<ContainerId, Watched> limited = new HashMap<>();
        watched.forEach((id, watch) -> {
            if (watch.limitBytes().isPresent() && !watch.limitation().isDone()) {
                limited.put(id, watch);
            }
        });
        if (limited.isEmpty()) {
            return;
        }
        containers.processes(limited.keySet()).forEach((id, processes) -> {
            long used = rssBytes(processes);
            long limit = limited.get(id).limitBytes().getAsLong();
            if (used > limit) {
                limited.get(id).limitation().complete(Limitation.memory(limit, used));
            }
        });
    }

    @Override
    public void cleanup(ContainerId id) {
        super.cleanup(id);
        watched.remove(id);
    }

    @Override
    public void close() {
        checks.shutdownNow();
        watched.clear();
        super.close();
    }
}
