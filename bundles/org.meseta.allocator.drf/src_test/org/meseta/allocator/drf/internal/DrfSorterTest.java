package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.meseta.allocator.drf.internal.Fixtures.agent;
import static org.meseta.allocator.drf.internal.Fixtures.resources;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.Sorter;

/** DRF order through the {@link Sorter} interface: shares, weights, tie-breaks and role subtrees. */
class DrfSorterTest {

    private final Sorter sorter = new DrfSorterFactory().create(Set.of("gpus"));

    @Test
    void clientWithTheLowestDominantShareComesFirst() {
        sorter.addAgent(agent("s1"), resources("cpus:10;mem:100"));
        clients("a", "b", "c");

        allocate("a", "cpus:1;mem:50"); // 0.5 by memory
        allocate("b", "cpus:3;mem:10"); // 0.3 by cpus

        assertEquals(List.of("c", "b", "a"), sorter.sort());
    }

    @Test
    void weightDividesTheShare() {
        sorter.addAgent(agent("s1"), resources("cpus:10;mem:100"));
        clients("a", "b");
        sorter.updateWeight("a", 2);

        allocate("a", "cpus:4"); // 0.4 / 2
        allocate("b", "cpus:3"); // 0.3

        assertEquals(List.of("a", "b"), sorter.sort());
    }

    @Test
    void equalSharesGoFirstToTheClientAllocatedFewerTimesThenByName() {
        sorter.addAgent(agent("s1"), resources("cpus:10"));
        clients("a", "b", "c");

        allocate("a", "cpus:1");
        allocate("a", "cpus:1");
        allocate("b", "cpus:2");
        allocate("c", "cpus:2");

        assertEquals(List.of("b", "c", "a"), sorter.sort());
    }

    @Test
    void excludedAndNonScalarResourcesDoNotCount() {
        sorter.addAgent(agent("s1"), resources("cpus:10;gpus:1;ports:[1-10]"));
        clients("gpu-user", "cpu-user");

        allocate("gpu-user", "gpus:1;ports:[1-10]");
        allocate("cpu-user", "cpus:1");

        assertEquals(List.of("gpu-user", "cpu-user"), sorter.sort());
    }

    @Test
    void sharesAreFractionsOfTheAgentsStillThere() {
        sorter.addAgent(agent("s1"), resources("cpus:10;mem:100"));
        sorter.addAgent(agent("s2"), resources("mem:900"));
        clients("a", "b");
        allocate("a", "mem:50");
        allocate("b", "cpus:1");
        assertEquals(List.of("a", "b"), sorter.sort());

        sorter.removeAgent(agent("s2"));

        assertEquals(List.of("b", "a"), sorter.sort());
    }

    @Test
    void subtreesCompeteByTheShareOfAllTheirClients() {
        sorter.addAgent(agent("s1"), resources("cpus:10"));
        clients("eng/a", "eng/b", "ops");

        allocate("eng/a", "cpus:3");
        allocate("ops", "cpus:2");

        // Flat DRF would put eng/b first; as a subtree eng holds 0.3 against ops's 0.2.
        assertEquals(List.of("ops", "eng/b", "eng/a"), sorter.sort());
    }

    @Test
    void weightOfAParentScalesItsWholeSubtree() {
        sorter.addAgent(agent("s1"), resources("cpus:10"));
        clients("eng/a", "ops");
        sorter.updateWeight("eng", 3);

        allocate("eng/a", "cpus:3"); // 0.3 / 3
        allocate("ops", "cpus:2");

        assertEquals(List.of("eng/a", "ops"), sorter.sort());
    }

    @Test
    void aRoleThatIsAClientCompetesWithItsOwnChildren() {
        sorter.addAgent(agent("s1"), resources("cpus:10"));
        clients("eng", "eng/web", "ops");

        allocate("eng", "cpus:2");
        allocate("eng/web", "cpus:1");
        allocate("ops", "cpus:4");

        assertEquals(List.of("eng/web", "eng", "ops"), sorter.sort());
    }

    @Test
    void deactivatedClientIsLeftOutButItsAllocationStillCounts() {
        sorter.addAgent(agent("s1"), resources("cpus:10"));
        clients("eng/a", "eng/b", "ops");
        allocate("eng/a", "cpus:5");
        allocate("ops", "cpus:1");

        sorter.deactivate("eng/a");

        assertEquals(List.of("ops", "eng/b"), sorter.sort());
        sorter.activate("eng/a");
        assertEquals(List.of("ops", "eng/b", "eng/a"), sorter.sort());
    }

    @Test
    void removingAClientTakesItsAllocationOutOfItsParent() {
        sorter.addAgent(agent("s1"), resources("cpus:10"));
        clients("eng/a", "eng/b", "ops");
        allocate("eng/a", "cpus:5");
        allocate("ops", "cpus:1");

        sorter.remove("eng/a");

        assertEquals(List.of("eng/b", "ops"), sorter.sort());
        assertFalse(sorter.contains("eng/a"));
    }

    @Test
    void allocationSumsOverAgentsAndUnallocatedTakesOnlyWhatIsThere() {
        sorter.addAgent(agent("s1"), resources("cpus:10"));
        sorter.addAgent(agent("s2"), resources("cpus:10"));
        clients("a", "b");
        sorter.allocated("a", agent("s1"), resources("cpus:2"));
        sorter.allocated("a", agent("s2"), resources("cpus:3;mem:10"));

        sorter.unallocated("a", agent("s2"), resources("cpus:5"));

        assertEquals(resources("cpus:2;mem:10"), sorter.allocation("a"));
        allocate("b", "cpus:3");
        assertEquals(List.of("a", "b"), sorter.sort());
    }

    @Test
    void unknownClientsAndTwiceAddedOnesAreBugs() {
        clients("a");

        assertThrows(IllegalArgumentException.class, () -> sorter.add("a"));
        assertThrows(IllegalArgumentException.class, () -> sorter.remove("b"));
        assertThrows(IllegalArgumentException.class, () -> sorter.allocation("b"));
        assertThrows(IllegalArgumentException.class, () -> sorter.activate("a/b"));
        assertThrows(IllegalArgumentException.class, () -> sorter.add("a//b"));
        assertThrows(IllegalArgumentException.class, () -> sorter.updateWeight("a", 0));
    }

    @Test
    void orderKeptAcrossAllocationsIsTheOrderSortedAfresh() {
        // The reference sorts afresh on every call: a weight change, even of an unused path, discards a kept order.
        Sorter reference = new DrfSorterFactory().create(Set.of("gpus"));
        for (Sorter each : List.of(sorter, reference)) {
            each.addAgent(agent("s1"), resources("cpus:64;mem:4096;gpus:4"));
            for (int i = 0; i < 20; i++) {
                each.add("c" + i);
            }
        }
        Random random = new Random(7);
        for (int step = 0; step < 2000; step++) {
            String client = "c" + random.nextInt(20);
            String amount = "cpus:" + (1 + random.nextInt(3)) + ";mem:" + (1 + random.nextInt(64));
            boolean free = random.nextInt(3) == 0;
            boolean toggle = random.nextInt(50) == 0;
            String reactivated = "c" + random.nextInt(20);
            for (Sorter each : List.of(sorter, reference)) {
                if (free) {
                    each.unallocated(client, agent("s1"), resources(amount));
                } else {
                    each.allocated(client, agent("s1"), resources(amount));
                }
                if (toggle) {
                    each.deactivate(client);
                    each.activate(reactivated);
                }
            }
            reference.updateWeight("unused", 1);
            assertEquals(reference.sort(), sorter.sort(), "after step " + step);
        }
    }

    @Test
    void viewOfTheOrderReadsAsAFreshSortAfterAnyChange() {
        TreeSorter drf = (TreeSorter) sorter;
        drf.addAgent(agent("s1"), resources("cpus:64;mem:4096;gpus:4"));
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "eng/x", "eng/y");
        Random random = new Random(11);
        for (int step = 0; step < 3000; step++) {
            String client = names.get(random.nextInt(names.size()));
            if (!drf.contains(client)) {
                drf.add(client);
            }
            String amount = "cpus:" + (1 + random.nextInt(3)) + ";mem:" + (1 + random.nextInt(64));
            switch (random.nextInt(10)) {
                case 0 -> drf.deactivate(client);
                case 1 -> drf.activate(client);
                case 2 -> drf.unallocated(client, agent("s1"), resources(amount));
                case 3 -> drf.updateWeight(client, 1 + random.nextInt(3));
                case 4 -> drf.remove(client);
                default -> drf.allocated(client, agent("s1"), resources(amount));
            }
            List<String> view = drf.sortedView();
            assertEquals(drf.sort(), List.copyOf(view), "after step " + step);
        }
    }

    private void clients(String... names) {
        for (String name : names) {
            sorter.add(name);
        }
    }

    private void allocate(String client, String resources) {
        sorter.allocated(client, agent("s1"), resources(resources));
    }
}
