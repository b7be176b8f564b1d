package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.allocator.drf.internal.Fixtures.addAgent;
import static org.meseta.allocator.drf.internal.Fixtures.addFramework;
import static org.meseta.allocator.drf.internal.Fixtures.inRole;
import static org.meseta.allocator.drf.internal.Fixtures.offer;


import java.util.List;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.Allocator;
import org.meseta.testing.ManualClock;

/**
 * Who gets the next agent: DRF across roles, then across a role's frameworks, hierarchical roles competing as
 * their parent's subtree. Each agent is added alone and allocated, so the shares before each pass are known.
 */
class FairSharingTest {

    private final Allocator allocator = Fixtures.allocator(new ManualClock());

    @Test
    void frameworkWithTheLowerDominantShareGetsTheNextAgent() {
        addFramework(allocator, "f1", inRole("*"));
        addFramework(allocator, "f2", inRole("*"));

        // Both have nothing: the tie goes by name.
        addAgent(allocator, "a1", "cpus:2;mem:1024");
        assertEquals(List.of(offer("f1", "*", "a1", "cpus:2;mem:1024")), allocator.allocate());

        addAgent(allocator, "a2", "cpus:1;mem:512");
        assertEquals(List.of(offer("f2", "*", "a2", "cpus:1;mem:512")), allocator.allocate());

        // Of cpus:6;mem:3584, f1 holds a third of the cpus, f2 a sixth.
        addAgent(allocator, "a3", "cpus:3;mem:2048");
        assertEquals(List.of(offer("f2", "*", "a3", "cpus:3;mem:2048")), allocator.allocate());

        // Of cpus:10;mem:7680, f1 holds 0.2 of the cpus, f2 0.4.
        addAgent(allocator, "a4", "cpus:4;mem:4096");
        assertEquals(List.of(offer("f1", "*", "a4", "cpus:4;mem:4096")), allocator.allocate());
    }

    @Test
    void roleWithTheLowerShareIsServedBeforeAFrameworkThatHoldsNothing() {
        addFramework(allocator, "batch", inRole("analytics"));
        addFramework(allocator, "web", inRole("serving"));
        addAgent(allocator, "a1", "cpus:2;mem:100");
        assertEquals(List.of(offer("batch", "analytics", "a1", "cpus:2;mem:100")), allocator.allocate());
        addAgent(allocator, "a2", "cpus:1;mem:50");
        assertEquals(List.of(offer("web", "serving", "a2", "cpus:1;mem:50")), allocator.allocate());
        addFramework(allocator, "idle", inRole("analytics"));

        // Of cpus:6;mem:250, analytics holds 0.4 of the memory and serving 0.2: the role decides before 'idle' does.
        addAgent(allocator, "a3", "cpus:3;mem:100");
        assertEquals(List.of(offer("web", "serving", "a3", "cpus:3;mem:100")), allocator.allocate());
    }

    @Test
    void siblingRolesCompeteAsTheirParentsSubtree() {
        addFramework(allocator, "a", inRole("eng/a"));
        addFramework(allocator, "b", inRole("eng/b"));
        addFramework(allocator, "ops", inRole("ops"));

        addAgent(allocator, "s1", "cpus:1;mem:100");
        assertEquals(List.of(offer("a", "eng/a", "s1", "cpus:1;mem:100")), allocator.allocate());
        // eng holds half, ops nothing.
        addAgent(allocator, "s2", "cpus:1;mem:100");
        assertEquals(List.of(offer("ops", "ops", "s2", "cpus:1;mem:100")), allocator.allocate());
        // eng and ops hold a third each and were allocated once each: by name, eng; inside it, eng/b holds nothing.
        addAgent(allocator, "s3", "cpus:1;mem:100");
        assertEquals(List.of(offer("b", "eng/b", "s3", "cpus:1;mem:100")), allocator.allocate());
        // Flat DRF would give s4 to eng/a or eng/b (a quarter each, like ops); as one subtree eng holds half.
        addAgent(allocator, "s4", "cpus:1;mem:100");
        assertEquals(List.of(offer("ops", "ops", "s4", "cpus:1;mem:100")), allocator.allocate());
    }

    @Test
    void anAgentGoesToOneFrameworkPerRoleInAPass() {
        addFramework(allocator, "f1", inRole("*"));
        addFramework(allocator, "f2", inRole("*"));
        addAgent(allocator, "a1", "cpus:8;mem:8192");

        assertEquals(List.of(offer("f1", "*", "a1", "cpus:8;mem:8192")), allocator.allocate());
        assertEquals(List.of(), allocator.allocate());
    }
}
