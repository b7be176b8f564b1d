package org.meseta.master.internal.core;

import java.time.Clock;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.allocator.api.Quota;
import org.meseta.daemon.Actor;
import org.meseta.daemon.TaskCounters;
import org.meseta.master.internal.MasterConfig;
import org.meseta.master.internal.agents.Agents;
import org.meseta.master.internal.allocation.AllocatorDriver;
import org.meseta.master.internal.frameworks.Frameworks;
import org.meseta.master.internal.offers.Offers;
import org.meseta.master.internal.operator.OfferStream;
import org.meseta.master.internal.operator.OperatorSubscribers;

/**
 * Everything the master knows, shared by the classes of this package that change it. Confined to the master's
 * actor thread, {@code actor}; the allocator runs on its own thread behind {@code allocator}.
 */
public final class Cluster {

    final MasterConfig config;
    final MasterInfo info;
    final Clock clock;
    final Actor actor;
    final Agents agents;
    final Frameworks frameworks;
    final Offers offers;
    final AllocatorDriver allocator;
    /** Where changes the registry keeps go, once this master leads. */
    final RegistryWrites registry = new RegistryWrites();
    /** Role → weight, for the roles whose weight was set; the others weigh 1.0. */
    final SortedMap<String, Double> weights;
    /** Role → quota, for the roles with quota. */
    final SortedMap<String, Quota> quotas = new TreeMap<>();
    final OperatorSubscribers operatorSubscribers;
    final OperatorEvents operatorEvents;
    /** Meseta's offer stream extension; its role view is made from snapshots of this cluster. */
    final OfferStream offerStream;
    final Instant startTime;
    /** When this master was elected leader; null while it stands by (with {@code --zk}, until it is elected). */
    Instant electedTime;
    /** How many tasks reached each state, for {@code /metrics/snapshot}; counted where task states change. */
    final TaskCounters taskCounters = new TaskCounters();
    /** Agents on their way to unreachable after failed health checks, at most {@code --agent_removal_rate_limit}. */
    final UnreachableTransitions unreachableTransitions;

    public Cluster(MasterConfig config, MasterInfo info, Clock clock, Actor actor, AllocatorDriver allocator) {
        this.config = config;
        this.info = info;
        this.clock = clock;
        this.actor = actor;
        this.allocator = allocator;
        this.agents = new Agents(info.getId(), registry::record);
        this.frameworks = new Frameworks(info.getId(), config.maxCompletedFrameworks(),
                config.maxCompletedTasksPerFramework());
        this.offers = new Offers(info.getId());
        this.weights = new TreeMap<>(config.allocation().weights());
        this.operatorSubscribers = new OperatorSubscribers(actor, config.maxOperatorEventStreamSubscribers());
        this.operatorEvents = new OperatorEvents(this, operatorSubscribers);
        this.startTime = clock.instant();
        this.unreachableTransitions = new UnreachableTransitions(actor, System::nanoTime,
                config.agentRemovalRateLimit());
        Snapshots snapshots = new Snapshots(this);
        this.offerStream = new OfferStream(actor, config.maxOperatorEventStreamSubscribers(),
                () -> snapshots.take(startTime), config.allocation().fairnessExcludedResourceNames());
    }

    Instant now() {
        return clock.instant();
    }

    public Agents agents() {
        return agents;
    }

    public Frameworks frameworks() {
        return frameworks;
    }

    public Offers offers() {
        return offers;
    }
}
