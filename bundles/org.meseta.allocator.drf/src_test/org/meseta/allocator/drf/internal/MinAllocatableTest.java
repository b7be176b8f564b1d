package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.allocator.drf.internal.Fixtures.addAgent;
import static org.meseta.allocator.drf.internal.Fixtures.addFramework;
import static org.meseta.allocator.drf.internal.Fixtures.agent;
import static org.meseta.allocator.drf.internal.Fixtures.allocated;
import static org.meseta.allocator.drf.internal.Fixtures.framework;
import static org.meseta.allocator.drf.internal.Fixtures.inRole;
import static org.meseta.allocator.drf.internal.Fixtures.offer;


import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.Allocator;
import org.meseta.testing.ManualClock;

/** {@code --min_allocatable_resources}: leftovers too small to use are not offered. */
class MinAllocatableTest {

    @Test
    void leftoversBelowEveryAlternativeAreWithheld() {
        Allocator allocator = Fixtures.allocator(new ManualClock());
        addFramework(allocator, "f1", inRole("*"));
        addAgent(allocator, "s1", "cpus:1;mem:1024;ports:[31000-31009]");
        allocator.allocate();

        // Below cpus:0.01 and below mem:32; ports are no alternative.
        recover(allocator, "cpus:0.009;mem:31;ports:[31000-31009]");
        assertEquals(List.of(), allocator.allocate());

        recover(allocator, "mem:1");
        assertEquals(List.of(offer("f1", "*", "s1", "cpus:0.009;mem:32;ports:[31000-31009]")), allocator.allocate());
    }

    @Test
    void anAlternativeMustBeMetInFull() {
        Allocator allocator = Fixtures.allocator(new ManualClock(), List.of(Map.of("cpus", 1.0, "ports", 2.0)), 1);
        addFramework(allocator, "f1", inRole("*"));
        addAgent(allocator, "s1", "cpus:4;ports:[31000-31000]");
        assertEquals(List.of(), allocator.allocate());

        addAgent(allocator, "s2", "cpus:1;ports:[31000-31001]");
        assertEquals(List.of(offer("f1", "*", "s2", "cpus:1;ports:[31000-31001]")), allocator.allocate());
    }

    @Test
    void withoutAMinimumAnyAmountIsOffered() {
        Allocator allocator = Fixtures.allocator(new ManualClock(), List.of(), 1);
        addFramework(allocator, "f1", inRole("*"));

        addAgent(allocator, "s1", "cpus:0.001");

        assertEquals(List.of(offer("f1", "*", "s1", "cpus:0.001")), allocator.allocate());
    }

    private static void recover(Allocator allocator, String resources) {
        allocator.recoverResources(framework("f1"), agent("s1"), allocated(resources, "*"), Optional.empty());
    }
}
