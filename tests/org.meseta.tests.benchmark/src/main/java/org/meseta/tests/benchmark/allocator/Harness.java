package org.meseta.tests.benchmark.allocator;

import java.lang.ref.Reference;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.allocator.api.Allocator;
import org.meseta.allocator.api.AllocatorOptions;
import org.meseta.allocator.drf.internal.DrfSorterFactory;
import org.meseta.allocator.drf.internal.HierarchicalAllocatorFactory;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;

/**
 * What the allocator benchmarks share: the hierarchical allocator made the way the master makes it by default
 * (DRF at both levels, Mesos's default minimum allocatable resources), ids, resources, command-line options and
 * heap figure. The allocator bundles are ordinary jars here; their factories are public classes.
 */
final class Harness {

    /** Mesos's default {@code --min_allocatable_resources} ({@code cpus:0.01|mem:32}). */
    static final List<Map<String, Double>> MIN_ALLOCATABLE = List.of(Map.of("cpus", 0.01), Map.of("mem", 32.0));

    private Harness() {
    }

    static Allocator hierarchicalAllocator(Clock clock) {
        return new HierarchicalAllocatorFactory().create(new AllocatorOptions(clock, MIN_ALLOCATABLE,
                new DrfSorterFactory(), new DrfSorterFactory(), Set.of()));
    }

    static AgentID agentId(int index) {
        return AgentID.newBuilder().setValue("agent-" + index).build();
    }

    static AgentInfo agentInfo(int index) {
        return AgentInfo.newBuilder().setHostname("host-" + index).build();
    }

    static FrameworkID frameworkId(int index) {
        return FrameworkID.newBuilder().setValue("framework-" + index).build();
    }

    /** A framework without MULTI_ROLE, in {@code role}. */
    @SuppressWarnings("deprecation") // The single 'role' is what most frameworks send.
    static FrameworkInfo frameworkInfo(int index, String role) {
        return FrameworkInfo.newBuilder().setUser("benchmark").setName("framework-" + index).setRole(role).build();
    }

    /** Resources in an agent's {@code --resources} text form, unreserved. */
    static Resources resources(String text) {
        try {
            return Resources.parse(text, "*");
        } catch (ResourceParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The same resources marked as allocated to {@code role}, as running tasks' and offers' resources are. */
    static Resources allocatedTo(Resources resources, String role) {
        Resource.AllocationInfo info = Resource.AllocationInfo.newBuilder().setRole(role).build();
        return Resources.ofValidated(
                resources.toList().stream().map(resource -> resource.toBuilder().setAllocationInfo(info).build())
                        .toList());
    }

    /** Heap in use after a full collection, in MiB, with {@code allocator} still live: roughly what its state takes. */
    static long heapUsedMib(Allocator allocator) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long used = runtime.totalMemory() - runtime.freeMemory();
        Reference.reachabilityFence(allocator);
        return used >> 20;
    }
}
