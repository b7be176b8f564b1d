package org.meseta.allocator.drf.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.api.resources.Resources;

/**
 * One framework's offer filters (Mesos's refused-resources filters): after a DECLINE with {@code refuse_seconds},
 * the framework is not offered, in that role and on that agent, resources that the declined ones contain, until the
 * filter expires. More resources than were declined (something was freed meanwhile) pass the filter.
 *
 * <p>Expiry is checked against the time given, not by timers; {@link #expire} drops what has expired so that
 * filters do not pile up. Mutable; owned by the allocator's thread.
 */
final class OfferFilters {

    private record Refusal(Resources resources, Instant until) {

        boolean isLiveAt(Instant now) {
            return now.isBefore(until);
        }
    }

    private final Map<String, Map<AgentID, List<Refusal>>> byRole = new HashMap<>();

    /** @param resources the declined resources, without allocation role */
    void refuse(String role, AgentID agent, Resources resources, Instant until) {
        byRole.computeIfAbsent(role, key -> new HashMap<>()).computeIfAbsent(agent, key -> new ArrayList<>())
                .add(new Refusal(resources, until));
    }

    /** @param offered resources without allocation role */
    boolean refuses(String role, AgentID agent, Resources offered, Instant now) {
        List<Refusal> refusals = byRole.getOrDefault(role, Map.of()).getOrDefault(agent, List.of());
        return refusals.stream().anyMatch(refusal -> refusal.isLiveAt(now) && refusal.resources().contains(offered));
    }

    void clear(String role) {
        byRole.remove(role);
    }

    void clearAll() {
        byRole.clear();
    }

    /** Drops the filters on an agent that is gone, in every role. */
    void forget(AgentID agent) {
        byRole.values().forEach(byAgent -> byAgent.remove(agent));
        byRole.values().removeIf(Map::isEmpty);
    }

    /** Drops every filter that has expired by {@code now}. */
    void expire(Instant now) {
        for (Map<AgentID, List<Refusal>> byAgent : byRole.values()) {
            byAgent.values().forEach(refusals -> refusals.removeIf(refusal -> !refusal.isLiveAt(now)));
            byAgent.values().removeIf(List::isEmpty);
        }
        byRole.values().removeIf(Map::isEmpty);
    }
}
