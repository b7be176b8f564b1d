package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.allocator.drf.internal.Fixtures.addAgent;
import static org.meseta.allocator.drf.internal.Fixtures.addFramework;
import static org.meseta.allocator.drf.internal.Fixtures.agent;
import static org.meseta.allocator.drf.internal.Fixtures.allocated;
import static org.meseta.allocator.drf.internal.Fixtures.framework;
import static org.meseta.allocator.drf.internal.Fixtures.inRole;
import static org.meseta.allocator.drf.internal.Fixtures.inRoles;
import static org.meseta.allocator.drf.internal.Fixtures.offer;


import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.Allocator;
import org.meseta.testing.ManualClock;

/** Roles: MULTI_ROLE offers, reservations, suppress and revive, and frameworks changing their roles. */
class RolesTest {

    private final Allocator allocator = Fixtures.allocator(new ManualClock());

    @Test
    void multiRoleFrameworkGetsOneOfferPerRoleMarkedWithTheRole() {
        addFramework(allocator, "multi", inRoles("a", "b"));

        addAgent(allocator, "s1", "cpus(a):1;mem(a):100;cpus(b):2;mem(b):200");

        assertEquals(Set.of(offer("multi", "a", "s1", "cpus(a):1;mem(a):100"),
                offer("multi", "b", "s1", "cpus(b):2;mem(b):200")), Set.copyOf(allocator.allocate()));
    }

    @Test
    void reservedResourcesGoOnlyToTheirRole() {
        addFramework(allocator, "other", inRole("other"));
        addAgent(allocator, "s1", "cpus:1;mem:100;cpus(web):4;mem(web):400");

        assertEquals(List.of(offer("other", "other", "s1", "cpus:1;mem:100")), allocator.allocate());
        assertEquals(List.of(), allocator.allocate());

        addFramework(allocator, "web", inRole("web"));
        assertEquals(List.of(offer("web", "web", "s1", "cpus(web):4;mem(web):400")), allocator.allocate());
    }

    @Test
    void reservationToARoleIsOfferedToItsChildrenButNotToItsParent() {
        addFramework(allocator, "parent", inRole("eng"));
        addFramework(allocator, "child", inRole("eng/web/api"));
        addAgent(allocator, "s1", "cpus(eng/web):2;mem(eng/web):200");

        assertEquals(List.of(offer("child", "eng/web/api", "s1", "cpus(eng/web):2;mem(eng/web):200")),
                allocator.allocate());
    }

    @Test
    void suppressedFrameworkGetsNoOffersUntilItRevives() {
        addFramework(allocator, "f1", inRole("*"));
        allocator.suppressOffers(framework("f1"), Set.of());
        addAgent(allocator, "s1", "cpus:1;mem:100");

        assertEquals(List.of(), allocator.allocate());

        allocator.reviveOffers(framework("f1"), Set.of());
        assertEquals(List.of(offer("f1", "*", "s1", "cpus:1;mem:100")), allocator.allocate());
    }

    @Test
    void suppressingOneRoleKeepsOffersInTheOthers() {
        allocator.addFramework(framework("multi"), inRoles("a", "b"), Map.of(), true, Set.of("a"));
        addAgent(allocator, "s1", "cpus(a):1;mem(a):100;cpus(b):2;mem(b):200");

        assertEquals(List.of(offer("multi", "b", "s1", "cpus(b):2;mem(b):200")), allocator.allocate());

        allocator.reviveOffers(framework("multi"), Set.of("a"));
        allocator.suppressOffers(framework("multi"), Set.of("b"));
        allocator.recoverResources(framework("multi"), agent("s1"), allocated("cpus(b):2;mem(b):200", "b"),
                Optional.empty());
        assertEquals(List.of(offer("multi", "a", "s1", "cpus(a):1;mem(a):100")), allocator.allocate());
    }

    @Test
    void updateFrameworkReplacesTheRolesAndTheSuppressedOnes() {
        addFramework(allocator, "f1", inRole("a"));
        addAgent(allocator, "s1", "cpus(b):1;mem(b):100;cpus(c):1;mem(c):100");
        assertEquals(List.of(), allocator.allocate());

        allocator.updateFramework(framework("f1"), inRoles("b", "c"), Set.of("c"));

        assertEquals(List.of(offer("f1", "b", "s1", "cpus(b):1;mem(b):100")), allocator.allocate());
        allocator.updateFramework(framework("f1"), inRoles("b", "c"), Set.of());
        assertEquals(List.of(offer("f1", "c", "s1", "cpus(c):1;mem(c):100")), allocator.allocate());
    }

    @Test
    void aRoleAFrameworkLeftKeepsItsAllocationCountedUntilItIsRecovered() {
        addFramework(allocator, "leaver", inRole("a"));
        addAgent(allocator, "s1", "cpus:1;mem:100");
        assertEquals(List.of(offer("leaver", "a", "s1", "cpus:1;mem:100")), allocator.allocate());
        allocator.updateFramework(framework("leaver"), inRoles("z"), Set.of("z"));
        addFramework(allocator, "stayer", inRole("a"));
        addFramework(allocator, "newcomer", inRole("c"));

        // Role a still holds s1 for the framework that left it: c has the lower share.
        addAgent(allocator, "s2", "cpus:1;mem:100");
        assertEquals(List.of(offer("newcomer", "c", "s2", "cpus:1;mem:100")), allocator.allocate());

        allocator.recoverResources(framework("leaver"), agent("s1"), allocated("cpus:1;mem:100", "a"),
                Optional.empty());
        assertEquals(List.of(offer("stayer", "a", "s1", "cpus:1;mem:100")), allocator.allocate());
    }
}
