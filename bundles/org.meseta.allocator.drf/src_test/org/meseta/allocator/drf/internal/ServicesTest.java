package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.allocator.drf.internal.Fixtures.addAgent;
import static org.meseta.allocator.drf.internal.Fixtures.addFramework;
import static org.meseta.allocator.drf.internal.Fixtures.agent;
import static org.meseta.allocator.drf.internal.Fixtures.inRole;
import static org.meseta.allocator.drf.internal.Fixtures.offer;
import static org.meseta.allocator.drf.internal.Fixtures.resources;


import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.Allocator;
import org.meseta.allocator.api.AllocatorFactory;
import org.meseta.allocator.api.AllocatorOptions;
import org.meseta.allocator.api.Sorter;
import org.meseta.allocator.api.SorterFactory;
import org.meseta.testing.ManualClock;
import org.meseta.testing.ServiceLease;

/** The master finds the policies as OSGi services by name; so do these tests, and use what they find. */
class ServicesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String BUNDLE = "org.meseta.allocator.drf";

    @Test
    void hierarchicalAllocatorIsFoundByNameAndAllocatesWithTheSortersFoundByName() throws Exception {
        try (ServiceLease<AllocatorFactory> allocators = ServiceLease.await(ServicesTest.class,
                AllocatorFactory.class, "(" + AllocatorFactory.NAME_PROPERTY + "=hierarchical)", BUNDLE, TIMEOUT);
                ServiceLease<SorterFactory> drf = sorterFactory("drf");
                ServiceLease<SorterFactory> random = sorterFactory("random")) {
            Allocator allocator = allocators.service().create(new AllocatorOptions(new ManualClock(),
                    Fixtures.MESOS_MIN_ALLOCATABLE, random.service(), drf.service(), Set.of()));
            addFramework(allocator, "f1", inRole("*"));
            addAgent(allocator, "s1", "cpus:1;mem:128");

            assertEquals(List.of(offer("f1", "*", "s1", "cpus:1;mem:128")), allocator.allocate());
        }
    }

    @Test
    void sorterFactoriesAreFoundByNameAndMakeTheirPolicy() throws Exception {
        try (ServiceLease<SorterFactory> drf = sorterFactory("drf");
                ServiceLease<SorterFactory> random = sorterFactory("random")) {
            assertEquals(DrfSorter.class, drf.service().create(Set.of()).getClass());
            assertEquals(RandomSorter.class, random.service().create(Set.of()).getClass());

            Sorter sorter = drf.service().create(Set.of());
            sorter.addAgent(agent("s1"), resources("cpus:2"));
            sorter.add("busy");
            sorter.add("idle");
            sorter.allocated("busy", agent("s1"), resources("cpus:1"));
            assertEquals(List.of("idle", "busy"), sorter.sort());
        }
    }

    private static ServiceLease<SorterFactory> sorterFactory(String name) throws InterruptedException {
        return ServiceLease.await(ServicesTest.class, SorterFactory.class,
                "(" + SorterFactory.NAME_PROPERTY + "=" + name + ")", BUNDLE, TIMEOUT);
    }
}
