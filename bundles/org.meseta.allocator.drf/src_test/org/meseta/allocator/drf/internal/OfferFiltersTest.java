package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.allocator.drf.internal.Fixtures.agent;
import static org.meseta.allocator.drf.internal.Fixtures.resources;

import java.time.Instant;
import org.junit.jupiter.api.Test;

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
}
