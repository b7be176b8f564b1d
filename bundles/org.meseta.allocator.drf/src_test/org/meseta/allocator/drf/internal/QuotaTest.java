package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.allocator.drf.internal.Fixtures.addAgent;
import static org.meseta.allocator.drf.internal.Fixtures.addFramework;
import static org.meseta.allocator.drf.internal.Fixtures.inRole;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.Allocation;
import org.meseta.allocator.api.Allocator;
import org.meseta.allocator.api.Quota;
import org.meseta.testing.ManualClock;

/**
 * Quota in the hierarchical allocator, as Mesos enforces it: guarantees are offered first, the headroom unmet
 * guarantees need is held back from other roles, limits cap a role's subtree, and consumption counts reservations
 * and allocated unreserved scalars. Agents of two cpus each, so the cpus each role is offered show the policy.
 */
class QuotaTest {

    private final Allocator allocator = Fixtures.allocator(new ManualClock());

    @Test
    void guaranteedRoleIsOfferedItsGuaranteeBeforeARoleWithoutQuota() {
        allocator.updateQuota("prod", new Quota(Map.of("cpus", 6.0), Map.of()));
        addFramework(allocator, "dev", inRole("dev"));
        addFramework(allocator, "prod", inRole("prod"));
        addAgents(4);

        // DRF alone would split the agents two and two.
        assertEquals(Map.of("dev", 2.0, "prod", 6.0), cpusByRole(allocator.allocate()));
    }

    @Test
    void headroomForAnUnmetGuaranteeIsHeldBackFromOtherRoles() {
        allocator.updateQuota("prod", new Quota(Map.of("cpus", 4.0), Map.of()));
        addFramework(allocator, "dev", inRole("dev"));
        addAgents(4);

        // prod has no framework yet, but 4 of the 8 cpus stay free for it; dev gets the memory of every agent.
        List<Allocation> first = allocator.allocate();
        assertEquals(Map.of("dev", 4.0), cpusByRole(first));
        assertEquals(400.0, first.stream().mapToDouble(allocation -> allocation.resources().scalar("mem")).sum());

        addFramework(allocator, "prod", inRole("prod"));
        assertEquals(Map.of("prod", 4.0), cpusByRole(allocator.allocate()));
    }

    @Test
    void limitCapsWhatARoleIsOffered() {
        allocator.updateQuota("capped", new Quota(Map.of(), Map.of("cpus", 3.0)));
        addFramework(allocator, "capped", inRole("capped"));
        addAgents(4);

        assertEquals(Map.of("capped", 3.0), cpusByRole(allocator.allocate()));
        // Nothing more while it holds its limit.
        assertEquals(Map.of(), cpusByRole(allocator.allocate()));
    }

    @Test
    void limitOfAParentCapsItsWholeSubtree() {
        allocator.updateQuota("eng", new Quota(Map.of(), Map.of("cpus", 3.0)));
        addFramework(allocator, "web", inRole("eng/web"));
        addFramework(allocator, "db", inRole("eng/db"));
        addAgents(4);

        Map<String, Double> cpus = cpusByRole(allocator.allocate());
        assertEquals(3.0, cpus.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    @Test
    void guaranteeOfAParentIsMetByItsChildren() {
        allocator.updateQuota("eng", new Quota(Map.of("cpus", 6.0), Map.of()));
        addFramework(allocator, "dev", inRole("dev"));
        addFramework(allocator, "web", inRole("eng/web"));
        addAgents(4);

        assertEquals(Map.of("dev", 2.0, "eng/web", 6.0), cpusByRole(allocator.allocate()));
    }

    @Test
    void consumptionIsReservationsPlusAllocatedUnreservedScalars() {
        allocator.updateQuota("eng", new Quota(Map.of(), Map.of("cpus", 10.0)));
        addAgent(allocator, "a1", "cpus(eng):1;cpus:2;mem:512;ports:[31000-31009]");
        assertEquals(Map.of("eng", Map.of("cpus", 1.0)), allocator.quotaConsumption());

        addFramework(allocator, "web", inRole("eng/web"));
        allocator.allocate();
        // The reservation counts once, allocated or not; the ports are not scalar.
        assertEquals(Map.of("eng", Map.of("cpus", 3.0, "mem", 512.0)), allocator.quotaConsumption());
    }

    @Test
    void removingQuotaRestoresPlainFairSharing() {
        allocator.updateQuota("capped", new Quota(Map.of(), Map.of("cpus", 1.0)));
        allocator.updateQuota("capped", Quota.NONE);
        addFramework(allocator, "capped", inRole("capped"));
        addAgents(2);

        assertEquals(Map.of("capped", 4.0), cpusByRole(allocator.allocate()));
        assertEquals(Map.of(), allocator.quotaConsumption());
    }

    private void addAgents(int count) {
        for (int i = 0; i < count; i++) {
            addAgent(allocator, "a" + i, "cpus:2;mem:100");
        }
    }

    /** The cpus offered to each role, roles offered no cpus left out. */
    private static Map<String, Double> cpusByRole(List<Allocation> allocations) {
        Map<String, Double> cpus = new TreeMap<>();
        allocations.forEach(allocation -> {
            double offered = allocation.resources().scalar("cpus");
            if (offered > 0) {
                cpus.merge(allocation.role(), offered, Double::sum);
            }
        });
        return cpus;
    }
}
