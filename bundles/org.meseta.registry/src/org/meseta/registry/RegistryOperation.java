package org.meseta.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.DrainInfo;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;

/**
 * One change of the {@link Registry}, as Mesos's registrar operations: {@link #applyTo} returns the registry with the
 * change made. Operations are total: one that finds nothing to change (e.g. reactivating an agent that is active)
 * returns the registry as it was.
 */
public sealed interface RegistryOperation {

    /** The registry with this change made. */
    Registry applyTo(Registry registry);

    /** A new agent is admitted, or an admitted one re-registers with a newer info. */
    record Admit(AgentInfo info) implements RegistryOperation {
        @Override
        public Registry applyTo(Registry registry) {
            String id = info.getId().getValue();
            SortedMap<String, AgentInfo> admitted = new TreeMap<>(registry.admitted());
            admitted.put(id, info);
            return with(registry, admitted, without(registry.unreachable(), id), registry.gone());
        }
    }

    /** An admitted agent stopped answering. */
    record MarkUnreachable(AgentInfo info, Instant since) implements RegistryOperation {
        @Override
        public Registry applyTo(Registry registry) {
            String id = info.getId().getValue();
            SortedMap<String, Registry.Marked> unreachable = new TreeMap<>(registry.unreachable());
            unreachable.put(id, new Registry.Marked(info, since));
            return with(registry, without(registry.admitted(), id), unreachable, registry.gone());
        }
    }

    /** The operator marked an agent gone: it is removed for good. */
    record MarkGone(AgentInfo info, Instant since) implements RegistryOperation {
        @Override
        public Registry applyTo(Registry registry) {
            String id = info.getId().getValue();
            SortedMap<String, Registry.Marked> gone = new TreeMap<>(registry.gone());
            gone.put(id, new Registry.Marked(info, since));
            Registry removed = new Reactivate(info.getId()).applyTo(new Undrain(info.getId()).applyTo(registry));
            return with(removed, without(registry.admitted(), id), without(registry.unreachable(), id), gone);
        }
    }

    /** An agent is forgotten (e.g. an unreachable one past its retention): it may register as a new agent. */
    record Remove(AgentID id) implements RegistryOperation {
        @Override
        public Registry applyTo(Registry registry) {
            String key = id.getValue();
            return with(registry, without(registry.admitted(), key), without(registry.unreachable(), key),
                    registry.gone());
        }
    }

    /** The operator deactivated an agent. */
    record Deactivate(AgentID id) implements RegistryOperation {
        @Override
        public Registry applyTo(Registry registry) {
            Set<String> deactivated = new TreeSet<>(registry.deactivated());
            deactivated.add(id.getValue());
            return new Registry(registry.admitted(), registry.unreachable(), registry.gone(), deactivated,
                    registry.draining(), registry.weights(), registry.quotas());
        }
    }

    /** The operator reactivated an agent: it is neither deactivated nor draining any more. */
    record Reactivate(AgentID id) implements RegistryOperation {
        @Override
        public Registry applyTo(Registry registry) {
            Set<String> deactivated = new TreeSet<>(registry.deactivated());
            deactivated.remove(id.getValue());
            return new Undrain(id).applyTo(new Registry(registry.admitted(), registry.unreachable(),
                    registry.gone(), deactivated, registry.draining(), registry.weights(), registry.quotas()));
        }
    }

    /** An agent is draining (or drained): its drain info, config and state. */
    record Drain(AgentID id, DrainInfo drain) implements RegistryOperation {
        @Override
        public Registry applyTo(Registry registry) {
            SortedMap<String, DrainInfo> draining = new TreeMap<>(registry.draining());
            draining.put(id.getValue(), drain);
            return new Registry(registry.admitted(), registry.unreachable(), registry.gone(),
                    registry.deactivated(), draining, registry.weights(), registry.quotas());
        }
    }

    /** An agent is no longer draining. */
    record Undrain(AgentID id) implements RegistryOperation {
        @Override
        public Registry applyTo(Registry registry) {
            return new Registry(registry.admitted(), registry.unreachable(), registry.gone(),
                    registry.deactivated(), without(registry.draining(), id.getValue()), registry.weights(),
                    registry.quotas());
        }
    }

    /** Roles' weights set; a role's weight of exactly 1.0 is the default and is not kept. */
    record UpdateWeights(Map<String, Double> weights) implements RegistryOperation {
        @Override
        public Registry applyTo(Registry registry) {
            SortedMap<String, Double> updated = new TreeMap<>(registry.weights());
            weights.forEach((role, weight) -> {
                if (weight == 1.0) {
                    updated.remove(role);
                } else {
                    updated.put(role, weight);
                }
            });
            return new Registry(registry.admitted(), registry.unreachable(), registry.gone(),
                    registry.deactivated(), registry.draining(), updated, registry.quotas());
        }
    }

    /**
     * Roles' quota set; a configuration without guarantees and limits removes the role's quota, as Mesos's
     * UPDATE_QUOTA does.
     */
    record UpdateQuota(java.util.List<QuotaConfig> configs) implements RegistryOperation {
        @Override
        public Registry applyTo(Registry registry) {
            SortedMap<String, QuotaConfig> updated = new TreeMap<>(registry.quotas());
            for (QuotaConfig config : configs) {
                if (config.getGuaranteesCount() == 0 && config.getLimitsCount() == 0) {
                    updated.remove(config.getRole());
                } else {
                    updated.put(config.getRole(), config);
                }
            }
            return new Registry(registry.admitted(), registry.unreachable(), registry.gone(),
                    registry.deactivated(), registry.draining(), registry.weights(), updated);
        }
    }

    private static Registry with(Registry registry, SortedMap<String, AgentInfo> admitted,
            SortedMap<String, Registry.Marked> unreachable, SortedMap<String, Registry.Marked> gone) {
        return new Registry(admitted, unreachable, gone, registry.deactivated(), registry.draining(),
                registry.weights(), registry.quotas());
    }

    private static <V> SortedMap<String, V> without(SortedMap<String, V> map, String key) {
        if (!map.containsKey(key)) {
            return map;
        }
        SortedMap<String, V> copy = new TreeMap<>(map);
        copy.remove(key);
        return copy;
    }
}
