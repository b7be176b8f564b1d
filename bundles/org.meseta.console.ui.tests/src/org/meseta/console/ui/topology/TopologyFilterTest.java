package org.meseta.console.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.ui.testing.Clusters;

class TopologyFilterTest {

    private static final AgentView R1 = Clusters.withRoles(Clusters.agent("M-S0", "node-a.example",
            "rack:r1;zone:a;cores:8"), "web");
    private static final AgentView R2 = Clusters.withState(Clusters.agent("M-S1", "node-b.example", "rack:r2"),
            AgentState.UNREACHABLE);

    @Test
    void noFilterLetsEveryAgentThrough() {
        assertTrue(TopologyFilter.NONE.matches(R1) && TopologyFilter.NONE.matches(R2));
    }

    @Test
    void anAttributeTermMatchesThatExactValueAndAllTermsMustMatch() {
        TopologyFilter rack1 = TopologyFilter.NONE.withAttributes(" rack:r1 ");

        assertEquals(List.of("rack:r1"), rack1.attributeTerms());
        assertTrue(rack1.matches(R1));
        assertFalse(rack1.matches(R2));
        assertFalse(TopologyFilter.NONE.withAttributes("rack:r").matches(R1), "values match whole");
        assertTrue(TopologyFilter.NONE.withAttributes("rack:r1; cores:8").matches(R1));
        assertFalse(TopologyFilter.NONE.withAttributes("rack:r1,zone:b").matches(R1));
    }

    @Test
    void aTermWithoutAColonLooksInHostNameIdAndAttributesIgnoringCase() {
        assertTrue(TopologyFilter.NONE.withAttributes("NODE-B").matches(R2));
        assertTrue(TopologyFilter.NONE.withAttributes("m-s0").matches(R1));
        assertTrue(TopologyFilter.NONE.withAttributes("zone").matches(R1));
        assertFalse(TopologyFilter.NONE.withAttributes("zone").matches(R2));
    }

    @Test
    void roleAndStateNarrowFurther() {
        TopologyFilter web = TopologyFilter.NONE.withRole(Optional.of("web"));
        TopologyFilter unreachable = TopologyFilter.NONE.withState(Optional.of(AgentState.UNREACHABLE));

        assertTrue(web.matches(R1));
        assertFalse(web.matches(R2));
        assertFalse(unreachable.matches(R1));
        assertTrue(unreachable.matches(R2));
        assertFalse(unreachable.withAttributes("rack:r1").matches(R2));
    }
}
