package org.meseta.api.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.junit.jupiter.api.Test;

/** The rules the master and the console share, with Mesos's texts (the master's QuotaTest covers the calls). */
class QuotaAndWeightRulesTest {

    private static final Set<String> NON_SCALAR = Set.of("ports");

    @Test
    void aConfigWithGuaranteesWithinItsLimitsIsValid() {
        assertEquals(Optional.empty(), QuotaRules.problem(config("web", Map.of("cpus", 1.0), Map.of("cpus", 2.0,
                "mem", 512.0)), NON_SCALAR));
        assertEquals(Optional.empty(), QuotaRules.problem(config("web", Map.of(), Map.of()), NON_SCALAR),
                "no guarantees and no limits: quota removed");
    }

    @Test
    void rolesMustBeValidTopLevelAndNotTheDefaultRole() {
        assertEquals(Optional.of("Updating quota on nested role 'eng/web' is not supported yet"),
                QuotaRules.problem(config("eng/web", Map.of(), Map.of()), NON_SCALAR));
        assertEquals(Optional.of("Invalid 'QuotaConfig.role': role '-web' is invalid: component '-web' starts with"
                + " a dash"), QuotaRules.problem(config("-web", Map.of(), Map.of()), NON_SCALAR));
        assertEquals(Optional.of("Invalid 'QuotaConfig.role': setting quota for the default '*' role is not"
                + " supported"), QuotaRules.problem(config("*", Map.of(), Map.of()), NON_SCALAR));
        assertEquals(Optional.of("'QuotaConfig.role' must be set"),
                QuotaRules.problem(QuotaConfig.getDefaultInstance(), NON_SCALAR));
    }

    @Test
    void valuesMustBeFiniteNotNegativeNotTooLargeOfScalarsAndGuaranteesWithinLimits() {
        assertEquals(Optional.of("Invalid guarantee configuration {'cpus': -1}: Negative values not supported"),
                QuotaRules.problem(config("web", Map.of("cpus", -1.0), Map.of()), NON_SCALAR));
        assertEquals(Optional.of("Invalid limit configuration {'mem': NaN}: NaN not supported"),
                QuotaRules.problem(config("web", Map.of(), Map.of("mem", Double.NaN)), NON_SCALAR));
        assertEquals(Optional.of("Invalid 'QuotaConfig.limits': {'mem': 2199023255552} is invalid: values greater"
                + " than 1 exabyte (1099511627776) are not supported"),
                QuotaRules.problem(config("web", Map.of(), Map.of("mem", 2.0 * QuotaRules.MAX_MEGABYTES)),
                        NON_SCALAR));
        assertEquals(Optional.of("'ports' is not a scalar resource: quota applies to scalar resources only"),
                QuotaRules.problem(config("web", Map.of("ports", 2.0), Map.of()), NON_SCALAR));
        assertEquals(Optional.of("'QuotaConfig.guarantees' { cpus: 3 } is not contained within the"
                + " 'QuotaConfig.limits' { cpus: 2 }"),
                QuotaRules.problem(config("web", Map.of("cpus", 3.0), Map.of("cpus", 2.0)), NON_SCALAR));
    }

    @Test
    void weightsArePositiveFiniteNumbersOfValidRoles() {
        assertEquals(Optional.empty(), WeightRules.problem("web", 2.5));
        assertEquals(Optional.of("Invalid weight 0.0 for role 'web': weights must be positive numbers"),
                WeightRules.problem("web", 0));
        assertEquals(Optional.of("Invalid weight Infinity for role 'web': weights must be positive numbers"),
                WeightRules.problem("web", Double.POSITIVE_INFINITY));
        assertEquals(Optional.of("Invalid role 'a b': role 'a b' is invalid: component 'a b' contains whitespace or"
                + " a DEL character"), WeightRules.problem("a b", 1));
    }

    private static QuotaConfig config(String role, Map<String, Double> guarantees, Map<String, Double> limits) {
        QuotaConfig.Builder config = QuotaConfig.newBuilder().setRole(role);
        guarantees.forEach((name, value) -> config.putGuarantees(name, Value.Scalar.newBuilder().setValue(value)
                .build()));
        limits.forEach((name, value) -> config.putLimits(name, Value.Scalar.newBuilder().setValue(value).build()));
        return config.build();
    }
}
