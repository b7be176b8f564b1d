package org.meseta.allocator.drf.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.api.resources.Resources;

/**
 * One framework's offer filters (Mesos's refused-resources filters): after a DECLINE with {@code refuse_seconds},
 * the framework is not offered, in that role and on that agent, resources that the declined ones contain, until the
 * filter expires. More resources than were declined (something was freed meanwhile) pass the filter.
 *
 * <p>Expiry is checked against the time given, not by timers; {@link #expire} drops what has expired so that
 * filters do not pile up. It takes them from a queue ordered by expiry, so that a pass, which expires the filters of
 * every framework, costs one look at the queue's head for a framework none of whose filters have expired. Mutable;
 * owned by the allocator's thread.
 */
final class OfferFilters {

    private record Refusal(String role, AgentID agent, Resources resources, Instant until) {

        boolean isLiveAt(Instant now) {
            return now.isBefore(until);
        }
    }

    private final Map<String, Map<AgentID, List<Refusal>>> byRole = new HashMap<>();
    // Every refusal in byRole, soonest expiry first.
    private final PriorityQueue<Refusal> byExpiry = new PriorityQueue<>((a, b) -> a.until().compareTo(b.until()));

    /** @param resources the declined resources, without allocation role */
    void refuse(String role, AgentID agent, Resources resources, Instant until) {
        Refusal refusal = new Refusal(role, agent, resources, until);
        byRole.computeIfAbsent(role, key -> new HashMap<>()).computeIfAbsent(agent, key -> new ArrayList<>())
                .add(refusal);
        byExpiry.add(refusal);
    }

    /** @param offered resources without allocation role */
    boolean refuses(String role, AgentID agent, Resources offered, Instant now) {
        if (byRole.isEmpty()) {
            return false;
        }
        Map<AgentID, List<Refusal>> byAgent = byRole.get(role);
        List<Refusal> refusals = byAgent == null ? null : byAgent.get(agent);
        if (refusals == null) {
            return false;
        }
        for (Refusal refusal : refusals) {
            if (refusal.isLiveAt(now) && refusal.resources().contains(offered)) {
                return true;
            }
        }
        return false;
    }

    void clear(String role) {
        if (byRole.remove(role) != null) {
            byExpiry.removeIf(refusal -> refusal.role().equals(role));
        }
    }

    void clearAll() {
        byRole.clear();
        byExpiry.clear();
    }

    /** Drops the filters on an agent that is gone, in every role. */
    void forget(AgentID agent) {
        byRole.values().forEach(byAgent -> byAgent.remove(agent));
        byRole.values().removeIf(Map::isEmpty);
        byExpiry.removeIf(refusal -> refusal.agent().equals(agent));
    }

    /** Drops every filter that has expired by {@code now}. */
    void expire(Instant now) {
        for (Refusal head = byExpiry.peek(); head != null && !head.isLiveAt(now); head = byExpiry.peek()) {
            byExpiry.poll();
            Map<AgentID, List<Refusal>> byAgent = byRole.get(head.role());
            List<Refusal> refusals = byAgent.get(head.agent());
            // Equal refusals are interchangeable: they expire together.
            refusals.remove(head);
            if (refusals.isEmpty()) {
                byAgent.remove(head.agent());
                if (byAgent.isEmpty()) {
                    byRole.remove(head.role());
                }
            }
        }
    }

    /** Adds the filters still in force at {@code now} to {@code counts}, by role. */
    void countActive(Instant now, Map<String, Integer> counts) {
        byRole.forEach((role, byAgent) -> byAgent.values().forEach(refusals -> refusals.forEach(refusal -> {
            if (refusal.until().isAfter(now)) {
                counts.merge(role, 1, Integer::sum);
            }
        })));
    }

    /** The number of filters held, expired or not; for tests. */
    int size() {
        return byExpiry.size();
    }
}
