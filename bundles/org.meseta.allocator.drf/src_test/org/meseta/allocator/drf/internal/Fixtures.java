package org.meseta.allocator.drf.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.allocator.api.Allocation;
import org.meseta.allocator.api.Allocator;
import org.meseta.allocator.api.AllocatorOptions;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;

/** Ids, infos and resources in the fewest words, for allocator and sorter tests. */
final class Fixtures {

    /** Mesos's default {@code --min_allocatable_resources}. */
    static final List<Map<String, Double>> MESOS_MIN_ALLOCATABLE = List.of(Map.of("cpus", 0.01), Map.of("mem", 32.0));

    private Fixtures() {
    }

    /** An allocator with DRF sorters at both levels, Mesos's default minimum, agents shuffled by seed 1. */
    static Allocator allocator(Clock clock) {
        return allocator(clock, MESOS_MIN_ALLOCATABLE, 1);
    }

    static Allocator allocator(Clock clock, List<Map<String, Double>> minAllocatable, long seed) {
        return new HierarchicalAllocator(new AllocatorOptions(clock, minAllocatable, new DrfSorterFactory(),
                new DrfSorterFactory(), Set.of()), new Random(seed));
    }

    static AgentID agent(String id) {
        return AgentID.newBuilder().setValue(id).build();
    }

    static FrameworkID framework(String id) {
        return FrameworkID.newBuilder().setValue(id).build();
    }

    /** A framework without MULTI_ROLE, in {@code role}. */
    @SuppressWarnings("deprecation") // The single 'role' is what such frameworks send.
    static FrameworkInfo inRole(String role) {
        return FrameworkInfo.newBuilder().setUser("test").setName("test").setRole(role).build();
    }

    /** A MULTI_ROLE framework in {@code roles}. */
    static FrameworkInfo inRoles(String... roles) {
        return FrameworkInfo.newBuilder().setUser("test").setName("test").addAllRoles(List.of(roles))
                .addCapabilities(FrameworkInfo.Capability.newBuilder()
                        .setType(FrameworkInfo.Capability.Type.MULTI_ROLE))
                .build();
    }

    /** Adds an active framework with nothing used and no role suppressed. */
    static void addFramework(Allocator allocator, String id, FrameworkInfo info) {
        allocator.addFramework(framework(id), info, Map.of(), true, Set.of());
    }

    /** Adds an agent with nothing in use. */
    static void addAgent(Allocator allocator, String id, String resources) {
        allocator.addAgent(agent(id), AgentInfo.newBuilder().setHostname(id).build(), resources(resources), Map.of());
    }

    /** Resources in the agent's {@code --resources} text form, e.g. {@code cpus:2;mem(eng):512}. */
    static Resources resources(String text) {
        try {
            return Resources.parse(text, "*");
        } catch (ResourceParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Resources in text form, marked as allocated to {@code role}. */
    static Resources allocated(String text, String role) {
        Resource.AllocationInfo info = Resource.AllocationInfo.newBuilder().setRole(role).build();
        return rebuilt(resources(text).toList().stream()
                .map(resource -> resource.toBuilder().setAllocationInfo(info).build()));
    }

    /** The same resources without their allocation role, as an agent's total has them. */
    static Resources unallocated(Resources resources) {
        return rebuilt(resources.toList().stream().map(resource -> resource.toBuilder().clearAllocationInfo().build()));
    }

    private static Resources rebuilt(Stream<Resource> resources) {
        try {
            return Resources.of(resources.toList());
        } catch (ResourceParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The allocation of {@code text} (allocated to {@code role}) on an agent to a framework. */
    static Allocation offer(String framework, String role, String agent, String text) {
        return new Allocation(framework(framework), role, agent(agent), allocated(text, role));
    }
}
