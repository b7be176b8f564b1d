package org.meseta.containerizer.cgroups.internal;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.meseta.containerizer.api.CgroupsOptions;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.Limitation;

/**
 * {@code cgroups/mem}: a hard memory limit ({@code memory.limit_in_bytes} on v1, {@code memory.max} on v2), so the
 * kernel stops the container at its limit, and the out-of-memory event reported as the limitation
 * ({@code REASON_CONTAINER_LIMITATION_MEMORY}; the agent kills the container). On v1 the kernel's OOM killer is
 * disabled for the cgroup ({@code memory.oom_control}): a container at its limit waits in the kernel
 * ({@code under_oom 1}) until the agent, told by this isolator, kills it, so the limitation always comes before the
 * process ends. v2 cannot disable it: the kernel kills a process and {@code memory.events} counts an
 * {@code oom_kill}, which this isolator reports, but the process may be seen to end first. Events are looked for
 * every {@value #CHECK_INTERVAL_MILLIS} ms on one daemon thread of its own. Usage from {@code memory.stat}. Thread-safe.
 */
final class CgroupsMemIsolator extends CgroupsIsolator {

    static final String MEMORY = "memory";
    static final long CHECK_INTERVAL_MILLIS = 100;
    /** v1 shows "no limit" as the largest multiple of the page size, near {@code Long.MAX_VALUE}. */
    private static final long V1_UNLIMITED = Long.MAX_VALUE / 2;

    private final Map<ContainerId, CompletableFuture<Limitation>> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checks;

    CgroupsMemIsolator(Map<String, Hierarchy> hierarchies) {
        super(hierarchies);
        this.checks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("cgroups-mem-checks").factory());
        checks.scheduleWithFixedDelay(this::checkAll, CHECK_INTERVAL_MILLIS, CHECK_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    Map<String, Hierarchy> hierarchies(CgroupsOptions options) throws IsolatorException {
        return CgroupsIsolatorFactories.hierarchies(options, MEMORY);
    }

    @Override
    void settings(CgroupsOptions options) {
        // a hard limit is its only mode
    }

    @Override
    void configure(Cgroups cgroups, ContainerLimits limits) throws IsolatorException {
        Cgroup memory = cgroups.of(MEMORY);
        OptionalLong bytes = limits.memBytes();
        if (memory.version() == CgroupsVersion.V1) {
            memory.write("memory.limit_in_bytes", bytes.isPresent() ? Long.toString(bytes.getAsLong()) : "-1");
            memory.write("memory.oom_control", bytes.isPresent() ? "1" : "0");
        } else {
            memory.write("memory.max", bytes.isPresent() ? Long.toString(bytes.getAsLong()) : "max");
        }
    }

    @Override
    ResourceStatistics usage(Cgroups cgroups) throws IsolatorException {
        Cgroup memory = cgroups.of(MEMORY);
        Map<String, Long> stat = memory.readKeyed("memory.stat");
        ResourceStatistics.Builder usage = ResourceStatistics.newBuilder();
        if (memory.version() == CgroupsVersion.V1) {
            return usage.setMemTotalBytes(memory.readLong("memory.usage_in_bytes"))
                    .setMemRssBytes(stat.getOrDefault("total_rss", 0L))
                    .setMemAnonBytes(stat.getOrDefault("total_rss", 0L))
                    .setMemCacheBytes(stat.getOrDefault("total_cache", 0L))
                    .setMemFileBytes(stat.getOrDefault("total_cache", 0L))
                    .setMemMappedFileBytes(stat.getOrDefault("total_mapped_file", 0L))
                    .setMemSwapBytes(stat.getOrDefault("total_swap", 0L))
                    .setMemUnevictableBytes(stat.getOrDefault("total_unevictable", 0L)).buildPartial();
        }
        return usage.setMemTotalBytes(memory.readLong("memory.current"))
                .setMemRssBytes(stat.getOrDefault("anon", 0L))
                .setMemAnonBytes(stat.getOrDefault("anon", 0L))
                .setMemCacheBytes(stat.getOrDefault("file", 0L))
                .setMemFileBytes(stat.getOrDefault("file", 0L))
                .setMemMappedFileBytes(stat.getOrDefault("file_mapped", 0L))
                .setMemUnevictableBytes(stat.getOrDefault("unevictable", 0L)).buildPartial();
    }

    @Override
    public CompletableFuture<Limitation> watch(ContainerId id) {
        return watched.computeIfAbsent(id, key -> new CompletableFuture<>());
    }

    @Override
    public void cleanup(ContainerId id) throws IsolatorException {
        watched.remove(id);
        super.cleanup(id);
    }

    private void checkAll() {
        watched.forEach((id, limitation) -> {
            try {
                Cgroup memory = cgroups(id).of(MEMORY);
                OptionalLong limit = limit(memory);
                if (!limitation.isDone() && limit.isPresent() && outOfMemory(memory)) {
                    limitation.complete(Limitation.memory(limit.getAsLong(), peak(memory)));
                }
            } catch (IsolatorException e) {
                watched.remove(id); // cleaned up while we looked
            }
        });
    }

    /** Whether the cgroup hit its limit and could not reclaim: waiting under OOM (v1) or a process OOM-killed. */
    static boolean outOfMemory(Cgroup memory) throws IsolatorException {
        if (memory.version() == CgroupsVersion.V1) {
            Map<String, Long> control = memory.readKeyed("memory.oom_control");
            return control.getOrDefault("under_oom", 0L) > 0 || control.getOrDefault("oom_kill", 0L) > 0;
        }
        return memory.readKeyed("memory.events").getOrDefault("oom_kill", 0L) > 0;
    }

    /** The cgroup's limit now, empty without one. */
    private static OptionalLong limit(Cgroup memory) throws IsolatorException {
        if (memory.version() == CgroupsVersion.V1) {
            long limit = memory.readLong("memory.limit_in_bytes");
            return limit >= V1_UNLIMITED ? OptionalLong.empty() : OptionalLong.of(limit);
        }
        String max = memory.read("memory.max");
        return max.equals("max") ? OptionalLong.empty() : OptionalLong.of(memory.readLong("memory.max"));
    }

    /** The most the cgroup used. */
    private static long peak(Cgroup memory) throws IsolatorException {
        if (memory.version() == CgroupsVersion.V1) {
            return memory.readLong("memory.max_usage_in_bytes");
        }
        return memory.readLong(memory.has("memory.peak") ? "memory.peak" : "memory.current");
    }

    @Override
    public void close() {
        checks.shutdownNow();
        watched.clear();
        super.close();
    }
}
