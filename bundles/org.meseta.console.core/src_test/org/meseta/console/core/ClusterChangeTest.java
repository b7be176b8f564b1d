package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.TaskKey;

/** Changes a view could not take in one by one, merged into one. */
class ClusterChangeTest {

    private static final ClusterState FIRST = new ClusterState(Map.of(), Map.of(), Map.of(), List.of(), List.of(),
            false);
    private static final ClusterState LATER = new ClusterState(Map.of(), Map.of(), Map.of(), List.of(), List.of(),
            true);
    private static final OfferEvent CREATED = new OfferEvent(OfferEvent.Kind.CREATED, "O1", "F", "S0", "*",
            Amounts.NONE, OptionalDouble.empty());
    private static final OfferEvent DECLINED = new OfferEvent(OfferEvent.Kind.DECLINED, "O1", "F", "S0", "*",
            Amounts.NONE, OptionalDouble.of(5));

    @Test
    void twoChangesBecomeOneNamingEverythingEitherNamedWithTheLaterState() {
        ClusterChange first = new ClusterChange(FIRST, false, Set.of("S0"), Set.of(new TaskKey("F", "T1")), Set.of(),
                List.of(CREATED), true);
        ClusterChange later = new ClusterChange(LATER, false, Set.of("S1"), Set.of(), Set.of("F"), List.of(DECLINED),
                false);

        ClusterChange merged = first.then(later);

        assertSame(LATER, merged.state());
        assertFalse(merged.reset());
        assertEquals(Set.of("S0", "S1"), merged.agents());
        assertEquals(Set.of(new TaskKey("F", "T1")), merged.tasks());
        assertEquals(Set.of("F"), merged.frameworks());
        assertEquals(List.of(CREATED, DECLINED), merged.offerEvents());
        assertTrue(merged.roles());
    }

    @Test
    void aResetOnEitherSideIsAResetToTheLaterState() {
        ClusterChange plain = new ClusterChange(LATER, false, Set.of("S0"), Set.of(), Set.of(), List.of(), false);

        ClusterChange resetThenPlain = ClusterChange.resetTo(FIRST).then(plain);
        assertTrue(resetThenPlain.reset());
        assertSame(LATER, resetThenPlain.state());
        ClusterChange reset = ClusterChange.resetTo(FIRST);
        assertSame(reset, plain.then(reset));
    }
}
