package org.meseta.master.internal;

import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.DrainConfig;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.master.Protos;
import org.apache.mesos.v1.quota.Protos.QuotaRequest;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.allocator.api.Allocation;
import org.meseta.allocator.api.Allocator;
import org.meseta.allocator.api.Quota;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Actor;
import org.meseta.http.ResponseStream;
import org.meseta.master.internal.allocation.AllocatorDriver;
import org.meseta.master.internal.allocation.QuotaMetrics;
import org.meseta.master.internal.core.Cluster;
import org.meseta.master.internal.core.MasterCore;
import org.meseta.master.internal.core.ReservationRequest;
import org.meseta.master.internal.core.Refusal;
import org.meseta.master.internal.core.SchedulerReply;
import org.meseta.registry.Registrar;
import org.meseta.registry.RegistryException;
import org.meseta.registry.RegistryStore;

/**
 * The master's front door: every method hands its work to the {@code master} actor thread, where
 * {@link MasterCore} owns all state, and returns a future; nothing here blocks or locks. The allocator runs on a
 * thread of its own and hands its allocations back through this class.
 */
public final class Master implements AutoCloseable {

    private final MasterInfo info;
    private final Actor actor = new Actor("master");
    private final AllocatorDriver allocator;
    private final MasterCore core;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LeaseGuard guard = new LeaseGuard();
    /** Set once this master leads. */
    private volatile Registrar registrar;

    Master(MasterConfig config, MasterInfo info, Clock clock, Allocator allocator) {
        this.info = info;
        this.allocator = new AllocatorDriver(allocator, config.allocationInterval(), this::allocated);
        this.core = new MasterCore(new Cluster(config, info, clock, actor, this.allocator));
        // Before any agent or framework: --weights holds from the first pass on.
        this.allocator.updateWeights(config.allocation().weights());
        this.allocator.start();
    }

    public MasterInfo info() {
        return info;
    }

    /**
     * This master was elected leader: completes once it has recovered the registry from {@code store} and leads.
     * Until then it stands by; it must not be given agents or frameworks (the HTTP layer redirects them to the
     * leader). From now on it writes to its streams only while {@code lease} holds. {@code failed} is told if a
     * registry write fails later or a write is refused for want of a lease: the master must then stop acting. Blocks
     * while it reads the registry: not to be called on the master's actor thread.
     */
    public CompletableFuture<Void> lead(RegistryStore store, BooleanSupplier lease, Consumer<String> failed) {
        guard.watch(lease, failed);
        Registrar recovered;
        try {
            recovered = Registrar.recover(store);
        } catch (RegistryException e) {
            store.close();
            return CompletableFuture.failedFuture(e);
        }
        registrar = recovered;
        return actor.call(() -> {
            core.elected(recovered, failed);
            return null;
        });
    }

    /** {@code call}'s answer once what it changed is in the registry, as Mesos answers after its registrar. */
    private <T> CompletableFuture<T> stored(Supplier<T> call) {
        return actor.call(call).thenCompose(answer -> core.registryFlushed().thenApply(stored -> answer));
    }

    /**
     * Admits the agent with its validated {@code total} resources and makes {@code link} its event stream;
     * REGISTERED is the first event sent.
     */
    public CompletableFuture<AgentID> subscribe(AgentSubscribe request, Resources total, ResponseStream link) {
        ResponseStream guarded = guard.guard(link);
        return actor.call(() -> core.subscribeAgent(request, total, guarded));
    }

    /** Takes a call from an agent; false when the agent is unknown (it must subscribe first). */
    public CompletableFuture<Boolean> agentCall(AgentCall call) {
        return actor.call(() -> core.agentCall(call));
    }

    /** A framework's SUBSCRIBE, validated as a call; its events go to {@code stream} encoded as {@code mediaType}. */
    public CompletableFuture<Void> subscribe(Call.Subscribe subscribe, ResponseStream stream, String streamId,
            String mediaType) {
        ResponseStream guarded = guard.guard(stream);
        return actor.call(() -> {
            core.subscribeFramework(subscribe, guarded, streamId, mediaType);
            return null;
        });
    }

    /** Any other scheduler call, validated as a call, with the {@code Mesos-Stream-Id} it carried. */
    public CompletableFuture<SchedulerReply> schedulerCall(Call call, Optional<String> streamId) {
        return actor.call(() -> core.schedulerCall(call, streamId));
    }

    /**
     * An operator {@code SUBSCRIBE}: {@code stream} gets SUBSCRIBED with {@code state} rendered from the current
     * snapshot, then the master's events encoded as {@code mediaType}.
     */
    public CompletableFuture<Void> subscribeOperator(ResponseStream stream, String mediaType,
            Function<ClusterView, Response.GetState> state) {
        ResponseStream guarded = guard.guard(stream);
        return actor.call(() -> {
            core.subscribeOperator(guarded, mediaType, state);
            return null;
        });
    }

    /** A subscriber of Meseta's offer stream ({@code GET /api/v1/meseta/offers}). */
    public CompletableFuture<Void> subscribeOffers(ResponseStream stream) {
        ResponseStream guarded = guard.guard(stream);
        return actor.call(() -> {
            core.subscribeOffers(guarded);
            return null;
        });
    }

    /** A consistent snapshot for the HTTP endpoints. */
    public CompletableFuture<ClusterView> view() {
        return actor.call(core::view);
    }

    /**
     * The metrics of {@code /metrics/snapshot} and {@code GET_METRICS}, name → value: the master's taken on the actor
     * thread, the quota consumption and the allocation passes' timers on the allocator's.
     */
    public CompletableFuture<SortedMap<String, Double>> metrics() {
        return actor.call(core::metrics).thenCombine(allocator.quotaConsumption(), QuotaMetrics::withConsumed)
                .thenCombine(allocator.metrics(), (master, passes) -> {
                    SortedMap<String, Double> all = new TreeMap<>(master);
                    all.putAll(passes);
                    return Collections.unmodifiableSortedMap(all);
                });
    }

    /** The roles with quota, role → quota. */
    public CompletableFuture<SortedMap<String, Quota>> quotas() {
        return actor.call(core::quotas);
    }

    /** {@code UPDATE_QUOTA}, validated against the cluster. */
    public CompletableFuture<Optional<Refusal>> updateQuota(Protos.Call.UpdateQuota call) {
        return stored(() -> core.updateQuota(call));
    }

    /** The deprecated {@code SET_QUOTA} and {@code POST /quota}. */
    public CompletableFuture<Optional<Refusal>> setQuota(QuotaRequest request) {
        return stored(() -> core.setQuota(request));
    }

    /** The deprecated {@code REMOVE_QUOTA} and {@code DELETE /quota/<role>} ({@code path} set for the latter). */
    public CompletableFuture<Optional<Refusal>> removeQuota(String role, Optional<String> path) {
        return stored(() -> core.removeQuota(role, path));
    }

    /** The weights set by {@code --weights} or {@code UPDATE_WEIGHTS}, by role. */
    public CompletableFuture<SortedMap<String, Double>> weights() {
        return actor.call(core::weights);
    }

    /** Sets validated role weights; the roles not named keep theirs. */
    public CompletableFuture<Void> updateWeights(Map<String, Double> weights) {
        Map<String, Double> copy = Map.copyOf(weights);
        return stored(() -> {
            core.updateWeights(copy);
            return null;
        });
    }

    /** An operator's RESERVE or UNRESERVE; completes with its outcome once applied or refused. */
    public CompletableFuture<Optional<Refusal>> reservation(ReservationRequest request) {
        return actor.call(() -> core.reservation(request)).thenCompose(outcome -> outcome);
    }

    /** The operator's TEARDOWN of a framework: empty once done, else why it is refused. */
    public CompletableFuture<Optional<Refusal>> teardown(FrameworkID id) {
        return actor.call(() -> core.teardown(id));
    }

    /** DEACTIVATE_AGENT: empty once done, else why it is refused. */
    public CompletableFuture<Optional<Refusal>> deactivateAgent(AgentID id) {
        return stored(() -> core.deactivateAgent(id));
    }

    /** REACTIVATE_AGENT: empty once done, else why it is refused. */
    public CompletableFuture<Optional<Refusal>> reactivateAgent(AgentID id) {
        return stored(() -> core.reactivateAgent(id));
    }

    /** DRAIN_AGENT: empty once the drain has started, else why it is refused. */
    public CompletableFuture<Optional<Refusal>> drainAgent(AgentID id, DrainConfig config) {
        return stored(() -> core.drainAgent(id, config));
    }

    /** MARK_AGENT_GONE: empty once done, else why it is refused. */
    public CompletableFuture<Optional<Refusal>> markAgentGone(AgentID id) {
        return stored(() -> core.markAgentGone(id));
    }

    private void allocated(List<Allocation> allocations) {
        actor.run(() -> core.allocated(allocations));
    }

    /**
     * Stops allocating, closes every framework stream, agent link and operator event stream, and stops the actor,
     * dropping what is queued for it: a master that loses its leadership calls it to stop acting at once, so nothing
     * that happens afterwards (the streams it closed ending, timers firing) changes its state or reaches anyone.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        allocator.close();
        actor.call(() -> {
            core.closeStreams();
            return null;
        }).exceptionally(failure -> null).join();
        actor.abandon();
        if (registrar != null) {
            registrar.close();
        }
    }
}
