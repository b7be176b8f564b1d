package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.allocator.drf.internal.Fixtures.addAgent;
import static org.meseta.allocator.drf.internal.Fixtures.addFramework;
import static org.meseta.allocator.drf.internal.Fixtures.inRole;
import static org.meseta.allocator.drf.internal.Fixtures.offer;


import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.Allocation;
import org.meseta.allocator.api.Allocator;
import org.meseta.testing.ManualClock;

/**
 * Weighted DRF across roles: a role's share is divided by its weight. The agents are equal, so a pass over all of
 * them hands each one to whichever role then has the lowest weighted share, and the counts show the ratio.
 */
class WeightsTest {

    private final Allocator allocator = Fixtures.allocator(new ManualClock());

    @Test
    void roleOfWeightTwoGetsTwiceTheAgentsOfRoleOfWeightOne() {
        allocator.updateWeights(Map.of("heavy", 2.0));
        addFramework(allocator, "f1", inRole("heavy"));
        addFramework(allocator, "f2", inRole("light"));
        addAgents(30);

        assertEquals(Map.of("heavy", 20, "light", 10), agentsByRole(allocator.allocate()));
    }

    @Test
    void weightsOfOneAndThreeShareInThatRatio() {
        allocator.updateWeights(Map.of("one", 1.0, "three", 3.0));
        addFramework(allocator, "f1", inRole("one"));
        addFramework(allocator, "f2", inRole("three"));
        addAgents(40);

        assertEquals(Map.of("one", 10, "three", 30), agentsByRole(allocator.allocate()));
    }

    @Test
    void weightUpdatedLaterDecidesTheNextAllocations() {
        addFramework(allocator, "f1", inRole("a"));
        addFramework(allocator, "f2", inRole("b"));
        addAgents(4);
        assertEquals(Map.of("a", 2, "b", 2), agentsByRole(allocator.allocate()));

        // b holds as much as a, but with weight 3 its share counts a third: of 8 agents, a's share is 2/8 and b's
        // stays below it (5/8 / 3) until b holds 6, so all four new agents go to b.
        allocator.updateWeights(Map.of("b", 3.0));
        addAgents(4, 4);
        assertEquals(Map.of("b", 4), agentsByRole(allocator.allocate()));
    }

    @Test
    void roleNotNamedKeepsItsWeight() {
        allocator.updateWeights(Map.of("heavy", 2.0));
        allocator.updateWeights(Map.of("light", 1.0));
        addFramework(allocator, "f1", inRole("heavy"));
        addFramework(allocator, "f2", inRole("light"));
        addAgents(30);

        assertEquals(Map.of("heavy", 20, "light", 10), agentsByRole(allocator.allocate()));
    }

    @Test
    void resettingToOneRestoresEqualShares() {
        allocator.updateWeights(Map.of("heavy", 2.0));
        allocator.updateWeights(Map.of("heavy", 1.0));
        addFramework(allocator, "f1", inRole("heavy"));
        addFramework(allocator, "f2", inRole("light"));
        addAgents(30);

        assertEquals(Map.of("heavy", 15, "light", 15), agentsByRole(allocator.allocate()));
    }

    @Test
    void weightOfAParentAppliesToItsSubtree() {
        allocator.updateWeights(Map.of("eng", 2.0));
        addFramework(allocator, "fa", inRole("eng/a"));
        addFramework(allocator, "fb", inRole("eng/b"));
        addFramework(allocator, "ops", inRole("ops"));
        addAgents(30);

        // eng as a whole gets twice what ops gets, and splits it evenly between its children of weight 1.
        assertEquals(Map.of("eng/a", 10, "eng/b", 10, "ops", 10), agentsByRole(allocator.allocate()));
    }

    @Test
    void weightsOfChildrenDivideTheirParentsShare() {
        allocator.updateWeights(Map.of("eng/a", 3.0));
        addFramework(allocator, "fa", inRole("eng/a"));
        addFramework(allocator, "fb", inRole("eng/b"));
        addFramework(allocator, "ops", inRole("ops"));
        addAgents(32);

        // eng and ops split evenly; within eng, eng/a gets three times eng/b.
        assertEquals(Map.of("eng/a", 12, "eng/b", 4, "ops", 16), agentsByRole(allocator.allocate()));
    }

    @Test
    void aSingleRoleTakesEverythingWhateverItsWeight() {
        allocator.updateWeights(Map.of("r", 0.5));
        addFramework(allocator, "f1", inRole("r"));
        addAgent(allocator, "a1", "cpus:1;mem:100");

        assertEquals(List.of(offer("f1", "r", "a1", "cpus:1;mem:100")), allocator.allocate());
    }

    private void addAgents(int count) {
        addAgents(0, count);
    }

    private void addAgents(int first, int count) {
        for (int i = first; i < first + count; i++) {
            addAgent(allocator, "a" + i, "cpus:1;mem:100");
        }
    }

    private static Map<String, Integer> agentsByRole(List<Allocation> allocations) {
        Map<String, Integer> counts = new TreeMap<>();
        allocations.forEach(allocation -> counts.merge(allocation.role(), 1, Integer::sum));
        return counts;
    }
}
