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


import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.Allocator;
import org.meseta.api.resources.Resources;
import org.meseta.testing.ManualClock;

/** Declines with {@code refuse_seconds}: what a filter holds back, for how long, and what lifts it early. */
class OfferFilterTest {

    private final ManualClock clock = new ManualClock();
    private final Allocator allocator = Fixtures.allocator(clock);

    @BeforeEach
    void oneFrameworkHoldsOneAgent() {
        addFramework(allocator, "f1", inRole("*"));
        addAgent(allocator, "a1", "cpus:2;mem:1024");
        assertEquals(List.of(offer("f1", "*", "a1", "cpus:2;mem:1024")), allocator.allocate());
    }

    @Test
    void declinedOfferIsNotReofferedBeforeRefuseSecondsAndIsAfter() {
        decline("cpus:2;mem:1024", Duration.ofSeconds(5));

        clock.advance(Duration.ofMillis(4999));
        assertEquals(List.of(), allocator.allocate());

        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(offer("f1", "*", "a1", "cpus:2;mem:1024")), allocator.allocate());
    }

    @Test
    void declinedOfferGoesToAnotherFrameworkMeanwhile() {
        addFramework(allocator, "f2", inRole("*"));

        decline("cpus:2;mem:1024", Duration.ofHours(1));

        assertEquals(List.of(offer("f2", "*", "a1", "cpus:2;mem:1024")), allocator.allocate());
    }

    @Test
    void recoveringWithoutAFilterReoffersAtOnce() {
        allocator.recoverResources(framework("f1"), agent("a1"), allocated("cpus:2;mem:1024", "*"), Optional.empty());
        assertEquals(List.of(offer("f1", "*", "a1", "cpus:2;mem:1024")), allocator.allocate());

        decline("cpus:2;mem:1024", Duration.ZERO);
        assertEquals(List.of(offer("f1", "*", "a1", "cpus:2;mem:1024")), allocator.allocate());
    }

    @Test
    void filterDoesNotHoldBackMoreThanWasDeclined() {
        decline("cpus:1;mem:512", Duration.ofDays(1));
        assertEquals(List.of(), allocator.allocate());

        // A task ends: the agent now has more free than the framework declined.
        allocator.recoverResources(framework("f1"), agent("a1"), allocated("cpus:1;mem:512", "*"), Optional.empty());

        assertEquals(List.of(offer("f1", "*", "a1", "cpus:2;mem:1024")), allocator.allocate());
    }

    @Test
    void refuseDurationsAreCappedAt365Days() {
        decline("cpus:2;mem:1024", Duration.ofDays(1000));

        clock.advance(Duration.ofDays(365).minusSeconds(1));
        assertEquals(List.of(), allocator.allocate());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(offer("f1", "*", "a1", "cpus:2;mem:1024")), allocator.allocate());
    }

    @Test
    void reviveClearsFilters() {
        decline("cpus:2;mem:1024", Duration.ofHours(1));
        assertEquals(List.of(), allocator.allocate());

        allocator.reviveOffers(framework("f1"), Set.of());

        assertEquals(List.of(offer("f1", "*", "a1", "cpus:2;mem:1024")), allocator.allocate());
    }

    @Test
    void deactivatingAFrameworkDropsItsFilters() {
        decline("cpus:2;mem:1024", Duration.ofHours(1));

        allocator.deactivateFramework(framework("f1"));
        allocator.activateFramework(framework("f1"));

        assertEquals(List.of(offer("f1", "*", "a1", "cpus:2;mem:1024")), allocator.allocate());
    }

    @Test
    void filtersAreKeptPerRoleAndReviveLiftsOnlyTheRolesNamed() {
        addFramework(allocator, "multi", inRoles("a", "b"));
        addAgent(allocator, "a2", "cpus(a):1;mem(a):100;cpus(b):2;mem(b):200");
        assertEquals(Set.of(offer("multi", "a", "a2", "cpus(a):1;mem(a):100"),
                offer("multi", "b", "a2", "cpus(b):2;mem(b):200")), Set.copyOf(allocator.allocate()));
        recover("multi", "a2", allocated("cpus(a):1;mem(a):100", "a"), Duration.ofHours(1));
        recover("multi", "a2", allocated("cpus(b):2;mem(b):200", "b"), Duration.ofHours(1));

        allocator.reviveOffers(framework("multi"), Set.of("b"));

        assertEquals(List.of(offer("multi", "b", "a2", "cpus(b):2;mem(b):200")), allocator.allocate());
    }

    private void decline(String resources, Duration refuseFor) {
        recover("f1", "a1", allocated(resources, "*"), refuseFor);
    }

    private void recover(String framework, String agent, Resources resources, Duration refuseFor) {
        allocator.recoverResources(framework(framework), agent(agent), resources, Optional.of(refuseFor));
    }
}
