package org.meseta.console.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks;
import org.junit.jupiter.api.Test;
import org.meseta.console.core.model.AgentResources;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.FrameworkView;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.OfferView;

class OfferHistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final AgentView NODE = new AgentView("S1", "node-a.test", AgentState.ACTIVE, Map.of(), "",
            Set.of(), AgentResources.NONE, List.of(), Optional.empty());
    private static final FrameworkView WEB = new FrameworkView("F1", "web", "", List.of("*"), true, true,
            GetFrameworks.Framework.getDefaultInstance());
    private static final Amounts SOME = new Amounts(1, 128, 0, 0);

    private static OfferEvent event(OfferEvent.Kind kind, String offer) {
        return new OfferEvent(kind, offer, "F1", "S1", "*", SOME, kind == OfferEvent.Kind.DECLINED
                ? OptionalDouble.of(5) : OptionalDouble.empty());
    }

    private static ClusterChange change(Map<String, OfferView> offers, OfferEvent... events) {
        ClusterState state = new ClusterState(Map.of("S1", NODE), Map.of("F1", WEB), offers, List.of(), List.of(),
                true);
        return new ClusterChange(state, false, Set.of(), Set.of(), Set.of(), List.of(events), false);
    }

    private static Map<String, OfferView> outstanding(String id) {
        return Map.of(id, new OfferView(id, "F1", "S1", "node-a.test", "*", SOME, Offer.getDefaultInstance()));
    }

    @Test
    void entriesAreNewestFirstWithTheNamesOfTheirFrameworkAndHost() {
        OfferHistory history = new OfferHistory(10);

        assertTrue(history.record(change(outstanding("O1"), event(OfferEvent.Kind.CREATED, "O1")), T0));
        assertTrue(history.record(change(Map.of(), event(OfferEvent.Kind.DECLINED, "O1")), T0.plusSeconds(1)));
        assertFalse(history.record(change(Map.of()), T0.plusSeconds(2)));

        List<OfferHistory.Entry> entries = history.newestFirst();
        assertEquals(List.of(OfferEvent.Kind.DECLINED, OfferEvent.Kind.CREATED),
                entries.stream().map(entry -> entry.event().kind()).toList());
        assertEquals(new OfferHistory.Entry(T0.plusSeconds(1), event(OfferEvent.Kind.DECLINED, "O1"), "web",
                "node-a.test"), entries.get(0));
    }

    @Test
    void unknownFrameworksAndAgentsAreNamedByTheirIds() {
        OfferHistory history = new OfferHistory(10);
        OfferEvent elsewhere = new OfferEvent(OfferEvent.Kind.RESCINDED, "O9", "F9", "S9", "*", Amounts.NONE,
                OptionalDouble.empty());

        history.record(change(Map.of(), elsewhere), T0);

        assertEquals("F9", history.newestFirst().get(0).framework());
        assertEquals("S9", history.newestFirst().get(0).hostname());
    }

    @Test
    void theOldestEntriesGoBeyondTheCapacity() {
        OfferHistory history = new OfferHistory(2);

        history.record(change(Map.of(), event(OfferEvent.Kind.CREATED, "O1"), event(OfferEvent.Kind.CREATED, "O2"),
                event(OfferEvent.Kind.CREATED, "O3")), T0);

        assertEquals(List.of("O3", "O2"), history.newestFirst().stream().map(entry -> entry.event().offerId())
                .toList());
    }

    @Test
    void rememberWhenEachOutstandingOfferWasMade() {
        OfferHistory history = new OfferHistory(10);
        history.record(change(outstanding("O1"), event(OfferEvent.Kind.CREATED, "O1")), T0);

        assertEquals(Optional.of(T0), history.madeAt("O1"));
        assertEquals(Optional.empty(), history.madeAt("O0"), "made before the console looked");

        history.record(change(Map.of(), event(OfferEvent.Kind.ACCEPTED, "O1")), T0.plusSeconds(3));
        assertEquals(Optional.empty(), history.madeAt("O1"));

        history.record(change(outstanding("O2"), event(OfferEvent.Kind.CREATED, "O2")), T0.plusSeconds(4));
        history.clear();
        assertEquals(List.of(), history.newestFirst());
        assertEquals(Optional.empty(), history.madeAt("O2"));
    }
}
