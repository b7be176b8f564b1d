package org.meseta.api.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Resource;
import org.junit.jupiter.api.Test;

class ResourcesArithmeticTest {

    private static Resources r(String text) {
        try {
            return Resources.parse(text, "*");
        } catch (ResourceParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void addingOneTenthTenThousandTimesIsExactlyOneThousand() {
        Resources tenth = r("cpus:0.1");
        Resources total = Resources.empty();
        for (int i = 0; i < 10_000; i++) {
            total = total.plus(tenth);
        }

        assertEquals(1000.0, total.scalar("cpus"));
        assertEquals(r("cpus:1000"), total);
    }

    @Test
    void pointOnePlusPointTwoIsExactlyPointThree() {
        assertEquals(0.3, r("cpus:0.1").plus(r("cpus:0.2")).scalar("cpus"));
        assertEquals(0.1, r("cpus:1").minus(r("cpus:0.9")).scalar("cpus"));
    }

    @Test
    void scalarSubtractionNeverGoesBelowZero() {
        assertTrue(r("cpus:1").minus(r("cpus:2")).isEmpty());
        assertEquals(r("mem:10"), r("cpus:1;mem:10").minus(r("cpus:1.5")));
    }

    @Test
    void subtractingWhatIsNotThereChangesNothing() {
        Resources resources = r("cpus:1;ports:[1-10]");

        assertEquals(resources, resources.minus(r("mem:100;ports:[20-30];cpus(web):1")));
    }

    @Test
    void adjacentAndOverlappingRangesMergeWhenAdded() {
        assertEquals(r("ports:[1-4]"), r("ports:[1-2]").plus(r("ports:[3-4]")));
        assertEquals(r("ports:[1-10]"), r("ports:[1-6]").plus(r("ports:[4-10]")));
        assertEquals("ports:[1-2, 5-6]", r("ports:[5-6]").plus(r("ports:[1-2]")).toString());
    }

    @Test
    void subtractingRangesSplitsThem() {
        assertEquals("ports:[1-9, 21-49, 51-100]", r("ports:[1-100]").minus(r("ports:[10-20,50-50]")).toString());
        assertEquals("ports:[1-4]", r("ports:[1-10]").minus(r("ports:[5-20]")).toString());
        assertTrue(r("ports:[1-10]").minus(r("ports:[0-11]")).isEmpty());
    }

    @Test
    void setsUniteAndSubtractAsStringSets() {
        assertEquals("bugs:{a, b, c}", r("bugs:{a,b}").plus(r("bugs:{b,c}")).toString());
        assertEquals("bugs:{a, c}", r("bugs:{a,b,c}").minus(r("bugs:{b,d}")).toString());
        assertTrue(r("bugs:{a}").minus(r("bugs:{a}")).isEmpty());
    }

    @Test
    void resourcesReservedToDifferentRolesAreNotCombined() {
        Resources resources = r("cpus:1").plus(r("cpus(web):2")).plus(r("cpus(db):3"));

        assertEquals(3, resources.toList().size());
        assertEquals(6.0, resources.scalar("cpus"));
        assertEquals(r("cpus:1;cpus(db):3"), resources.minus(r("cpus(web):2")));
    }

    @Test
    void containsComparesAmountsPerIdentity() {
        Resources agent = r("cpus:4;mem:1024;ports:[31000-32000];bugs:{a,b};cpus(web):2");

        assertTrue(agent.contains(r("cpus:4;mem:512;ports:[31000-31010];bugs:{b}")));
        assertTrue(agent.contains(r("cpus(web):2")));
        assertTrue(agent.contains(Resources.empty()));
        assertFalse(agent.contains(r("cpus:4.001")));
        assertFalse(agent.contains(r("cpus(web):2.5")));
        assertFalse(agent.contains(r("cpus(db):1")), "reserved to another role");
        assertFalse(agent.contains(r("ports:[32000-32001]")));
        assertFalse(agent.contains(r("bugs:{c}")));
        assertFalse(agent.contains(r("gpus:1")));
    }

    @Test
    void scalarIsTheSumOverAllReservationsAndZeroWhenAbsent() {
        Resources resources = r("cpus:1.5;cpus(web):2.25");

        assertEquals(3.75, resources.scalar("cpus"));
        assertEquals(0.0, resources.scalar("gpus"));
    }

    @Test
    void rangesIsTheUnionOverAllReservationsAndEmptyWhenAbsent() {
        Resources resources = r("ports:[1-5];ports(web):[6-10,20-30]");

        assertEquals(Optional.of(RangeSet.of(1, 10).plus(RangeSet.of(20, 30)).toProto()), resources.ranges("ports"));
        assertEquals(Optional.empty(), resources.ranges("cpus"));
        assertEquals(Optional.empty(), resources.ranges("other"));
    }

    @Test
    void filterKeepsTheResourcesThatPass() {
        Resources resources = r("cpus:1;mem:10;cpus(web):2");

        assertEquals(r("cpus(web):2"), resources.filter(resource -> resource.getReservationsCount() > 0));
        assertTrue(resources.filter(resource -> false).isEmpty());
        assertEquals(r("mem:10"), resources.filter(resource -> resource.getName().equals("mem")));
        assertSame(resources, resources.filter(resource -> true));
    }

    @Test
    void iterationAndListKeepFirstAppearanceOrder() {
        Resources resources = r("mem:10;cpus:1;mem:5");
        List<String> names = new ArrayList<>();
        resources.forEach(resource -> names.add(resource.getName()));

        assertEquals(List.of("mem", "cpus"), names);
        assertEquals(names, resources.toList().stream().map(resource -> resource.getName()).toList());
    }

    @Test
    void equalityIgnoresOrderAndHashCodeAgrees() {
        Resources one = r("cpus:1;mem:10;ports:[1-2,4-5]");
        Resources other = r("ports:[4-5];mem:10;ports:[1-2];cpus:1");

        assertEquals(one, other);
        assertEquals(one.hashCode(), other.hashCode());
        assertNotEquals(one, r("cpus:1;mem:10"));
    }

    @Test
    void addingNothingReturnsTheSameInstance() {
        Resources resources = r("cpus:1");

        assertSame(resources, resources.plus(Resources.empty()));
        assertSame(resources, resources.minus(Resources.empty()));
        assertSame(Resources.empty(), Resources.empty().minus(resources));
    }

    @Test
    void allocatingMarksEveryResourceAndUnallocatingCombinesWhatOnlyTheRoleSeparated() throws Exception {
        Resources resources = r("cpus:1;mem:10;ports:[1-2];cpus(web):2");

        Resources toWeb = resources.allocatedTo("web");
        Resources both = toWeb.plus(r("cpus:3;ports:[3-4]").allocatedTo("ops"));

        assertTrue(toWeb.toList().stream().allMatch(resource -> resource.getAllocationInfo().getRole().equals("web")));
        assertEquals(Resources.of(resources.toList().stream().map(resource -> resource.toBuilder()
                .setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole("web")).build()).toList()), toWeb);
        assertEquals(6, both.toList().size());
        assertEquals(r("cpus:4;mem:10;ports:[1-4];cpus(web):2"), both.unallocated());
        assertEquals(4, both.unallocated().toList().size());
        assertEquals(resources, toWeb.allocatedTo("ops").unallocated());
    }

    @Test
    void unallocatingWhatHasNoAllocationRoleReturnsTheSameInstanceAndIsContainedInItself() {
        Resources resources = r("cpus:1;ports:[1-2]");

        assertSame(resources, resources.unallocated());
        assertTrue(resources.contains(resources));
    }

    @Test
    void toStringUsesMesosSeparatorsAndEmptyBraces() {
        assertEquals("cpus:2; mem:1024; ports:[31000-32000]", r("cpus:2;mem:1024;ports:[31000-32000]").toString());
        assertEquals("{}", Resources.empty().toString());
    }
}
