package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.allocator.drf.internal.Fixtures.agent;
import static org.meseta.allocator.drf.internal.Fixtures.resources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.mesos.v1.Protos.AgentID;
import org.junit.jupiter.api.Test;
import org.meseta.api.resources.Resources;

/**
 * Filters are dropped, not just ignored, once they expire or their agent goes, so they cannot pile up. Asking
 * about an instant before the expiry tells which: a filter still held would refuse then.
 */
class OfferFiltersTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final OfferFilters filters = new OfferFilters();

    @Test
    void expiringDropsTheFiltersThatExpiredAndKeepsTheOthers() {
        filters.refuse("web", agent("s1"), resources("mem:10"), START.plusSeconds(5));
        filters.refuse("web", agent("s1"), resources("cpus:2"), START.plusSeconds(10));

        filters.expire(START.plusSeconds(5));

        assertFalse(filters.refuses("web", agent("s1"), resources("mem:10"), START));
        assertTrue(filters.refuses("web", agent("s1"), resources("cpus:1"), START));
    }

    @Test
    void forgettingAnAgentDropsItsFiltersInEveryRole() {
        filters.refuse("web", agent("s1"), resources("cpus:1"), START.plusSeconds(5));
        filters.refuse("db", agent("s1"), resources("cpus:1"), START.plusSeconds(5));
        filters.refuse("db", agent("s2"), resources("cpus:1"), START.plusSeconds(5));

        filters.forget(agent("s1"));

        assertFalse(filters.refuses("web", agent("s1"), resources("cpus:1"), START));
        assertFalse(filters.refuses("db", agent("s1"), resources("cpus:1"), START));
        assertTrue(filters.refuses("db", agent("s2"), resources("cpus:1"), START));
    }

    @Test
    void aFilterRefusesOnlyInItsRoleOnItsAgentAndWhileLive() {
        filters.refuse("web", agent("s1"), resources("cpus:2;mem:10"), START.plusSeconds(5));

        assertTrue(filters.refuses("web", agent("s1"), resources("cpus:1"), START.plusSeconds(4)));
        assertFalse(filters.refuses("web", agent("s1"), resources("cpus:1"), START.plusSeconds(5)));
        assertFalse(filters.refuses("db", agent("s1"), resources("cpus:1"), START));
        assertFalse(filters.refuses("web", agent("s2"), resources("cpus:1"), START));
        assertFalse(filters.refuses("web", agent("s1"), resources("cpus:3"), START));
    }

    private record Filter(String role, AgentID agent, Resources resources, Instant until) {
    }

    @Test
    void filtersHeldAndRefusedAreThoseOfAPlainListAfterRandomChanges() {
        List<String> roles = List.of("web", "db");
        List<AgentID> agents = List.of(agent("s1"), agent("s2"), agent("s3"));
        List<Resources> amounts = List.of(resources("cpus:1"), resources("cpus:2;mem:10"), resources("mem:5"));
        List<Filter> model = new ArrayList<>();
        Random random = new Random(5);
        Instant now = START;
        for (int step = 0; step < 3000; step++) {
            String role = roles.get(random.nextInt(roles.size()));
            AgentID agent = agents.get(random.nextInt(agents.size()));
            switch (random.nextInt(12)) {
                case 0 -> {
                    filters.clear(role);
                    model.removeIf(filter -> filter.role().equals(role));
                }
                case 1 -> {
                    filters.forget(agent);
                    model.removeIf(filter -> filter.agent().equals(agent));
                }
                case 2 -> {
                    if (random.nextInt(10) == 0) {
                        filters.clearAll();
                        model.clear();
                    }
                }
                case 3, 4, 5 -> {
                    now = now.plusSeconds(random.nextInt(4));
                    Instant at = now;
                    filters.expire(at);
                    model.removeIf(filter -> !at.isBefore(filter.until()));
                }
                default -> {
                    Resources amount = amounts.get(random.nextInt(amounts.size()));
                    Instant until = now.plusSeconds(random.nextInt(20));
                    filters.refuse(role, agent, amount, until);
                    model.add(new Filter(role, agent, amount, until));
                }
            }
            assertEquals(model.size(), filters.size(), "after step " + step);
            for (String eachRole : roles) {
                for (AgentID eachAgent : agents) {
                    for (Resources offered : amounts) {
                        Instant at = now;
                        boolean expected = model.stream().anyMatch(filter -> filter.role().equals(eachRole)
                                && filter.agent().equals(eachAgent) && at.isBefore(filter.until())
                                && filter.resources().contains(offered));
                        assertEquals(expected, filters.refuses(eachRole, eachAgent, offered, at), "after step " + step);
                    }
                }
            }
        }
    }
}
