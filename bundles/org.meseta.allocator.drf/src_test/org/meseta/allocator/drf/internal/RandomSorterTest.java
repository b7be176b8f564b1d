package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.allocator.drf.internal.Fixtures.agent;
import static org.meseta.allocator.drf.internal.Fixtures.resources;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.Sorter;

/**
 * The weighted random order through the {@link Sorter} interface, made reproducible by a seeded {@link Random}.
 * Frequencies are counted over many sorts from a fixed seed, so the bounds are checked on one known sequence.
 */
class RandomSorterTest {

    @Test
    void theSameSeedGivesTheSameOrders() {
        Sorter first = sorter(42, "a", "b", "c", "d", "eng/x", "eng/y");
        Sorter second = sorter(42, "a", "b", "c", "d", "eng/x", "eng/y");

        List<List<String>> orders = IntStream.range(0, 20).mapToObj(i -> first.sort()).toList();

        assertEquals(orders, IntStream.range(0, 20).mapToObj(i -> second.sort()).toList());
        assertTrue(orders.stream().distinct().count() > 1, "the order varies from sort to sort: " + orders);
    }

    @Test
    void aClientComesFirstInProportionToItsWeight() {
        Sorter sorter = sorter(7, "heavy", "light");
        sorter.updateWeight("heavy", 3);

        long heavyFirst = IntStream.range(0, 4000).filter(i -> sorter.sort().get(0).equals("heavy")).count();

        assertTrue(heavyFirst > 2800 && heavyFirst < 3200, "heavy first in " + heavyFirst + " of 4000 sorts");
    }

    @Test
    void theClientsOfASubtreeStayTogether() {
        Sorter sorter = sorter(3, "eng/a", "eng/b", "ops", "qa");

        for (int i = 0; i < 100; i++) {
            List<String> order = sorter.sort();
            assertEquals(1, Math.abs(order.indexOf("eng/a") - order.indexOf("eng/b")), "eng apart in " + order);
        }
    }

    @Test
    void deactivatedClientsAreLeftOutAndAllocationsAreStillTracked() {
        Sorter sorter = sorter(5, "a", "b", "c");
        sorter.addAgent(agent("s1"), resources("cpus:4"));
        sorter.allocated("b", agent("s1"), resources("cpus:1"));

        sorter.deactivate("b");

        assertEquals(Set.of("a", "c"), Set.copyOf(sorter.sort()));
        assertEquals(2, sorter.sort().size());
        assertEquals(resources("cpus:1"), sorter.allocation("b"));
    }

    private static Sorter sorter(long seed, String... clients) {
        Sorter sorter = new RandomSorter(Set.of(), new Random(seed));
        for (String client : clients) {
            sorter.add(client);
        }
        return sorter;
    }
}
