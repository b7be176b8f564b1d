package org.meseta.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.DrainInfo;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;

/**
 * What a master must not forget across its own restarts and failovers, as Mesos's registry holds it: the agents it
 * admitted, those it found unreachable and those the operator marked gone; which agents are deactivated or draining;
 * the roles' weights and quota. Immutable; {@link RegistryOperation}s make new ones. Keys are agent ids and role
 * names.
 *
 * @param admitted the agents admitted and not removed, by id (unreachable and gone agents are not here)
 * @param unreachable agents found unreachable, by id, with when
 * @param gone agents marked gone, by id, with when: refused if they come back
 * @param deactivated ids of agents the operator deactivated (no offers)
 * @param draining agents being drained, by id
 * @param weights roles' weights set at runtime (roles without one have weight 1 or the master's --weights)
 * @param quotas roles' quota configurations
 */
public record Registry(
        SortedMap<String, AgentInfo> admitted,
        SortedMap<String, Marked> unreachable,
        SortedMap<String, Marked> gone,
        Set<String> deactivated,
        SortedMap<String, DrainInfo> draining,
        SortedMap<String, Double> weights,
        SortedMap<String, QuotaConfig> quotas) {

    /** An agent as it was when it was marked, and when. */
    public record Marked(AgentInfo info, Instant since) {}

    /** A registry that holds nothing: a new cluster's. */
    public static final Registry EMPTY = new Registry(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
            new TreeSet<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());

    public Registry {
        admitted = frozen(admitted);
        unreachable = frozen(unreachable);
        gone = frozen(gone);
        deactivated = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(deactivated));
        draining = frozen(draining);
        weights = frozen(weights);
        quotas = frozen(quotas);
    }

    private static <V> SortedMap<String, V> frozen(Map<String, V> map) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** Whether nothing is recorded. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
