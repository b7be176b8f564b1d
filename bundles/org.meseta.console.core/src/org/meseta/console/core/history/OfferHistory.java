package org.meseta.console.core.history;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.OfferEvent;

/**
 * The most recent things that happened to offers, as an offers view lists them: the {@link OfferEvent}s of the
 * changes it is given, stamped with the time they were told and named with the framework and host they concern
 * (looked up when they happen, so an entry keeps its names after the framework or agent is gone). At most
 * {@code capacity} entries are kept; older ones are dropped. Also remembers when each outstanding offer was seen
 * being made.
 *
 * <p>Not thread-safe: a view keeps one on its UI thread.
 */
public final class OfferHistory {

    /**
     * One thing that happened to an offer.
     *
     * @param time when the console was told
     * @param event what happened
     * @param framework the framework's name (its id when the console does not know it)
     * @param hostname the agent's host name (its id when the console does not know it)
     */
    public record Entry(Instant time, OfferEvent event, String framework, String hostname) {
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Instant> made = new HashMap<>();

    /** @throws IllegalArgumentException if {@code capacity} is below 1 */
    public OfferHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("An offer history keeps at least one entry, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the offer events of {@code change}, told at {@code now}; whether there were any. */
    public boolean record(ClusterChange change, Instant now) {
        ClusterState state = change.state();
        for (OfferEvent event : change.offerEvents()) {
            entries.addFirst(new Entry(now, event, state.frameworkName(event.frameworkId()),
                    state.hostname(event.agentId())));
            if (event.kind() == OfferEvent.Kind.CREATED) {
                made.put(event.offerId(), now);
            } else {
                made.remove(event.offerId());
            }
        }
        while (entries.size() > capacity) {
            entries.removeLast();
        }
        made.keySet().retainAll(state.offers().keySet());
        return !change.offerEvents().isEmpty();
    }

    /** The entries kept, newest first. */
    public List<Entry> newestFirst() {
        return new ArrayList<>(entries);
    }

    /** When the offer {@code offerId} was seen being made; empty if it was made before the console looked. */
    public Optional<Instant> madeAt(String offerId) {
        return Optional.ofNullable(made.get(offerId));
    }

    /** Forgets everything (another master was chosen). */
    public void clear() {
        entries.clear();
        made.clear();
    }
}
