package org.meseta.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.DrainConfig;
import org.apache.mesos.v1.Protos.DrainInfo;
import org.apache.mesos.v1.Protos.DrainState;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.junit.jupiter.api.Test;

/** The registry's operations, as Mesos's registrar applies them. */
class RegistryOperationTest {

    static AgentInfo agent(String id) {
        return AgentInfo.newBuilder().setId(AgentID.newBuilder().setValue(id)).setHostname(id + ".example")
                .setPort(5051).build();
    }

    static QuotaConfig quota(String role, double cpus) {
        return QuotaConfig.newBuilder().setRole(role).putGuarantees("cpus", Value.Scalar.newBuilder()
                .setValue(cpus).build()).build();
    }

    private static DrainInfo drain(DrainState state) {
        return DrainInfo.newBuilder().setState(state).setConfig(DrainConfig.newBuilder().setMarkGone(false)).build();
    }

    private static Registry apply(RegistryOperation... operations) {
        Registry registry = Registry.EMPTY;
        for (RegistryOperation operation : operations) {
            registry = operation.applyTo(registry);
        }
        return registry;
    }

    @Test
    void anAgentMovesFromAdmittedToUnreachableAndBackWhenItReregisters() {
        Instant since = Instant.parse("2026-12-07T10:00:00Z");
        Registry unreachable = apply(new RegistryOperation.Admit(agent("a1")),
                new RegistryOperation.MarkUnreachable(agent("a1"), since));
        assertEquals(Map.of(), unreachable.admitted());
        assertEquals(new Registry.Marked(agent("a1"), since), unreachable.unreachable().get("a1"));

        Registry back = new RegistryOperation.Admit(agent("a1")).applyTo(unreachable);
        assertEquals(Set.of("a1"), back.admitted().keySet());
        assertTrue(back.unreachable().isEmpty());
    }

    @Test
    void markingGoneForgetsTheAgentEverywhereElse() {
        AgentID id = agent("a1").getId();
        Registry gone = apply(new RegistryOperation.Admit(agent("a1")), new RegistryOperation.Deactivate(id),
                new RegistryOperation.Drain(id, drain(DrainState.DRAINING)),
                new RegistryOperation.MarkGone(agent("a1"), Instant.EPOCH));
        assertEquals(Set.of("a1"), gone.gone().keySet());
        assertTrue(gone.admitted().isEmpty());
        assertTrue(gone.deactivated().isEmpty());
        assertTrue(gone.draining().isEmpty());
    }

    @Test
    void reactivatingEndsADrainToo() {
        AgentID id = agent("a1").getId();
        Registry reactivated = apply(new RegistryOperation.Deactivate(id),
                new RegistryOperation.Drain(id, drain(DrainState.DRAINED)),
                new RegistryOperation.Reactivate(id));
        assertTrue(reactivated.deactivated().isEmpty());
        assertTrue(reactivated.draining().isEmpty());
    }

    @Test
    void aWeightOfOneAndAnEmptyQuotaRemoveWhatWasSet() {
        Registry set = apply(new RegistryOperation.UpdateWeights(Map.of("eng", 2.0, "ops", 3.0)),
                new RegistryOperation.UpdateQuota(List.of(quota("eng", 4), quota("ops", 1))));
        Registry reset = apply(new RegistryOperation.UpdateWeights(Map.of("eng", 2.0, "ops", 3.0)),
                new RegistryOperation.UpdateQuota(List.of(quota("eng", 4), quota("ops", 1))),
                new RegistryOperation.UpdateWeights(Map.of("ops", 1.0)),
                new RegistryOperation.UpdateQuota(List.of(QuotaConfig.newBuilder().setRole("eng").build())));

        assertEquals(Map.of("eng", 2.0, "ops", 3.0), set.weights());
        assertEquals(Map.of("eng", 2.0), reset.weights());
        assertEquals(Set.of("ops"), reset.quotas().keySet());
    }

    @Test
    void removingAnUnreachableAgentLetsItComeBackAsNew() {
        Registry removed = apply(new RegistryOperation.MarkUnreachable(agent("a1"), Instant.EPOCH),
                new RegistryOperation.Remove(agent("a1").getId()));
        assertTrue(removed.isEmpty());
    }
}
