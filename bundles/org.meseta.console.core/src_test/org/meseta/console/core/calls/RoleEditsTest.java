package org.meseta.console.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.mesos.v1.master.Protos.Call;
import org.junit.jupiter.api.Test;

/** Weight and quota edits checked before they are sent: each problem on the field it is about. */
class RoleEditsTest {

    @Test
    void aValidWeightBecomesUpdateWeights() {
        Call call = RoleEdits.weight(" web ", " 2.5 ").call().orElseThrow();
        assertEquals(Call.Type.UPDATE_WEIGHTS, call.getType());
        assertEquals("web", call.getUpdateWeights().getWeightInfos(0).getRole());
        assertEquals(2.5, call.getUpdateWeights().getWeightInfos(0).getWeight());
    }

    @Test
    void weightProblemsAreNamedPerField() {
        assertEquals(Map.of(RoleEdits.ROLE, "Invalid role 'a b': role 'a b' is invalid: component 'a b' contains"
                + " whitespace or a DEL character", RoleEdits.WEIGHT, "'x' is not a number"),
                RoleEdits.weight("a b", "x").problems());
        assertEquals(Map.of(RoleEdits.WEIGHT, "Enter a weight, a positive number"),
                RoleEdits.weight("web", " ").problems());
        RoleEdits.Checked zero = RoleEdits.weight("web", "0");
        assertFalse(zero.isValid());
        assertEquals(Map.of(RoleEdits.WEIGHT, "Invalid weight 0.0 for role 'web': weights must be positive numbers"),
                zero.problems());
    }

    @Test
    void aValidQuotaBecomesUpdateQuotaAndNoValuesAtAllRemoveIt() {
        Call call = RoleEdits.quota("web", Map.of("cpus", "1", "mem", ""), Map.of("cpus", "2")).call().orElseThrow();
        assertEquals(Call.Type.UPDATE_QUOTA, call.getType());
        assertEquals(1.0, call.getUpdateQuota().getQuotaConfigs(0).getGuaranteesOrThrow("cpus").getValue());
        assertEquals(1, call.getUpdateQuota().getQuotaConfigs(0).getGuaranteesCount());
        assertFalse(call.getUpdateQuota().getForce());
        Call removal = RoleEdits.quota("web", Map.of("cpus", ""), Map.of()).call().orElseThrow();
        assertEquals(0, removal.getUpdateQuota().getQuotaConfigs(0).getGuaranteesCount()
                + removal.getUpdateQuota().getQuotaConfigs(0).getLimitsCount());
    }

    @Test
    void quotaProblemsAreNamedPerFieldAndForTheQuotaAsAWhole() {
        Map<String, String> guarantees = new LinkedHashMap<>();
        guarantees.put("cpus", "-1");
        guarantees.put("mem", "lots");
        assertEquals(Map.of(RoleEdits.guarantee("cpus"), "Invalid guarantee configuration {'cpus': -1}: Negative"
                + " values not supported", RoleEdits.guarantee("mem"), "'lots' is not a number"),
                RoleEdits.quota("web", guarantees, Map.of()).problems());
        assertEquals(Map.of(RoleEdits.ROLE, "Updating quota on nested role 'eng/web' is not supported yet"),
                RoleEdits.quota("eng/web", Map.of("cpus", "1"), Map.of()).problems());
        assertEquals(Map.of(RoleEdits.ROLE, "Invalid 'QuotaConfig.role': setting quota for the default '*' role is"
                + " not supported"), RoleEdits.quota("*", Map.of(), Map.of()).problems());
        assertEquals(Map.of(RoleEdits.QUOTA, "'QuotaConfig.guarantees' { cpus: 3 } is not contained within the"
                + " 'QuotaConfig.limits' { cpus: 2 }"),
                RoleEdits.quota("web", Map.of("cpus", "3"), Map.of("cpus", "2")).problems());
        assertEquals(Map.of(RoleEdits.limit("ports"), "'ports' is not a scalar resource: quota applies to scalar"
                + " resources only"), RoleEdits.quota("web", Map.of(), Map.of("ports", "10")).problems());
    }
}
