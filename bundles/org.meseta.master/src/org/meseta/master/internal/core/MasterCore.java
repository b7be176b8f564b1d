package org.meseta.master.internal.core;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.DrainConfig;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.master.Protos.Call.UpdateQuota;
import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.quota.Protos.QuotaRequest;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.allocator.api.Allocation;
import org.meseta.allocator.api.Quota;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.flags.StoutDuration;
import org.meseta.api.resources.Resources;
import org.meseta.http.ResponseStream;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.agents.Agent;
import org.meseta.master.internal.allocation.QuotaConfigs;
import org.meseta.master.internal.frameworks.Framework;
import org.meseta.registry.Registrar;
import org.meseta.registry.Registry;
import org.meseta.registry.RegistryOperation;

/**
 * The master's logic, wired together: one object per concern over the shared {@link Cluster}. Every method runs on
 * the master's actor thread; {@code org.meseta.master.internal.Master} is the asynchronous front door.
 */
public final class MasterCore {

    private static final System.Logger LOG = System.getLogger(MasterCore.class.getName());

    private final Cluster cluster;
    private final OfferLifecycle offers;
    private final TaskLifecycle tasks;
    private final FrameworkLifecycle frameworks;
    private final AgentLifecycle agents;
    private final AgentMaintenance maintenance;
    private final FrameworkCalls calls;
    private final SchedulerCalls schedulerCalls;
    private final Snapshots snapshots;
    private final QuotaCalls quotas;
    private final ReservationRequests reservations;
    /** How many agents the registry listed when this master was elected. */
    private int recoveredAtElection;

    public MasterCore(Cluster cluster) {
        this.cluster = cluster;
        this.offers = new OfferLifecycle(cluster);
        this.tasks = new TaskLifecycle(cluster);
        this.frameworks = new FrameworkLifecycle(cluster, offers, tasks);
        this.maintenance = new AgentMaintenance(cluster, offers, tasks);
        this.tasks.onTaskRemoved(maintenance::taskRemoved);
        this.agents = new AgentLifecycle(cluster, offers, tasks, maintenance);
        this.calls = new FrameworkCalls(cluster);
        this.schedulerCalls = new SchedulerCalls(cluster, frameworks, offers, new Accepts(cluster, offers, tasks),
                tasks, calls);
        this.snapshots = new Snapshots(cluster);
        this.quotas = new QuotaCalls(cluster, offers, this::view);
        this.reservations = new ReservationRequests(cluster, offers);
    }

    /**
     * This master was elected leader: from now on it leads, with what {@code registrar} recovered, and records there
     * every change the registry keeps; {@code failed} is told if a write fails (this master must then stop). Agents
     * the registry lists are expected to re-register within {@code --agent_reregister_timeout}; those that do not
     * are marked unreachable. Weights and quota in the registry win over {@code --weights}.
     */
    public void elected(Registrar registrar, Consumer<String> failed) {
        cluster.electedTime = cluster.now();
        Registry registry = registrar.registry();
        cluster.registry.attach(registrar, failed);
        cluster.agents.recover(registry);
        recoveredAtElection = registry.admitted().size();
        if (!registry.weights().isEmpty()) {
            cluster.weights.putAll(registry.weights());
            cluster.allocator.updateWeights(registry.weights());
        }
        registry.quotas().forEach((role, config) -> {
            Quota quota = QuotaConfigs.quota(config);
            cluster.quotas.put(role, quota);
            cluster.allocator.updateQuota(role, quota);
        });
        if (!cluster.agents.recovered().isEmpty()) {
            cluster.actor.schedule(cluster.config.agentReregisterTimeout(), this::reregisterTimedOut);
        }
        LOG.log(System.Logger.Level.INFO, "Recovered from the registry {0}: {1} agents expected to re-register, {2}"
                + " unreachable, {3} gone; {4} weights, {5} quotas", registrar.describe(),
                registry.admitted().size(), registry.unreachable().size(), registry.gone().size(),
                registry.weights().size(), registry.quotas().size());
    }

    /** {@code --agent_reregister_timeout} after the election: recovered agents still away become unreachable. */
    private void reregisterTimedOut() {
        Optional<String> exceeded = RemovalLimit.exceeded(List.copyOf(cluster.agents.recovered()),
                recoveredAtElection, cluster.config.recoveryAgentRemovalLimit(),
                cluster.config.agentReregisterTimeout());
        if (exceeded.isPresent()) {
            cluster.registry.fail(exceeded.get());
            return;
        }
        List<AgentInfo> late = cluster.agents.recoveredAgentsUnreachable(cluster.now());
        if (!late.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "{0} agent(s) recovered from the registry did not re-register within"
                    + " {1}; marked unreachable: {2}", late.size(),
                    StoutDuration.format(cluster.config.agentReregisterTimeout()),
                    late.stream().map(info -> info.getId().getValue()).toList());
        }
    }

    /** Completes once every change recorded so far is in the registry. */
    public CompletableFuture<Registry> registryFlushed() {
        return cluster.registry.flushed();
    }

    public AgentID subscribeAgent(AgentSubscribe request, Resources total, ResponseStream link) {
        return agents.subscribe(request, total, link);
    }

    /** A call from an agent; false when the agent is not admitted (it must subscribe again). */
    public boolean agentCall(AgentCall call) {
        Optional<Agent> agent = cluster.agents.find(call.agentId()).filter(Agent::isConnected);
        if (agent.isEmpty()) {
            return false;
        }
        switch (call) {
            case AgentCall.Pong pong -> agents.pong(agent.get());
            case AgentCall.Update update -> tasks.update(agent.get(), update);
            case AgentCall.ExecutorMessage message -> calls.executorMessage(message);
            case AgentCall.ExecutorExited exited -> tasks.executorExited(agent.get(), exited);
        }
        return true;
    }

    public void subscribeFramework(Call.Subscribe subscribe, ResponseStream stream, String streamId,
            String mediaType) {
        frameworks.subscribe(subscribe, stream, streamId, mediaType);
    }

    public SchedulerReply schedulerCall(Call call, Optional<String> streamId) {
        return schedulerCalls.handle(call, streamId);
    }

    public void allocated(List<Allocation> allocations) {
        offers.allocated(allocations);
    }

    /** The weights set by {@code --weights} or {@code UPDATE_WEIGHTS}, by role. */
    public SortedMap<String, Double> weights() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(cluster.weights));
    }

    /**
     * Sets validated role weights (the roles not named keep theirs) and hands them to the allocator. As in Mesos,
     * when a role that was updated has a framework, every outstanding offer is rescinded, so that the resources are
     * offered again by the new weights rather than kept by whoever held them.
     */
    public void updateWeights(Map<String, Double> weights) {
        cluster.weights.putAll(weights);
        cluster.registry.record(new RegistryOperation.UpdateWeights(weights));
        cluster.allocator.updateWeights(weights);
        boolean inUse = cluster.frameworks.all().stream()
                .anyMatch(framework -> framework.roles().stream().anyMatch(weights::containsKey));
        if (inUse) {
            cluster.frameworks.all().forEach(framework -> offers.rescindAll(framework, true));
        }
    }

    /** The roles with quota, role → quota. */
    public SortedMap<String, Quota> quotas() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(cluster.quotas));
    }

    /** {@code UPDATE_QUOTA}: 200, or 400 with Mesos's text and nothing changed. */
    public Optional<Refusal> updateQuota(UpdateQuota call) {
        return quotas.update(call);
    }

    /** The deprecated {@code SET_QUOTA} and {@code POST /quota}: 200, or 400 or 409 with Mesos's text. */
    public Optional<Refusal> setQuota(QuotaRequest request) {
        return quotas.set(request);
    }

    /**
     * The deprecated {@code REMOVE_QUOTA} and {@code DELETE /quota/<role>}: 200, or 400 with Mesos's text.
     *
     * @param path the request path of a {@code DELETE}, which Mesos's texts name
     */
    public Optional<Refusal> removeQuota(String role, Optional<String> path) {
        return quotas.remove(role, path);
    }

    /**
     * An operator's RESERVE or UNRESERVE: validated and applied as {@link ReservationRequests} says. The answer
     * completes on the master's actor thread.
     */
    public CompletableFuture<Optional<Refusal>> reservation(ReservationRequest request) {
        return reservations.handle(request);
    }

    /** The operator's TEARDOWN: as the framework's own, for a registered framework. */
    public Optional<Refusal> teardown(FrameworkID id) {
        Optional<Framework> framework = cluster.frameworks.find(id);
        if (framework.isEmpty()) {
            return Optional.of(new Refusal(400, "No framework found with specified ID"));
        }
        frameworks.remove(framework.get());
        return Optional.empty();
    }

    /** DEACTIVATE_AGENT (see {@link AgentMaintenance}). */
    public Optional<Refusal> deactivateAgent(AgentID id) {
        return maintenance.deactivate(id);
    }

    /** REACTIVATE_AGENT (see {@link AgentMaintenance}). */
    public Optional<Refusal> reactivateAgent(AgentID id) {
        return maintenance.reactivate(id);
    }

    /** DRAIN_AGENT (see {@link AgentMaintenance}). */
    public Optional<Refusal> drainAgent(AgentID id, DrainConfig config) {
        return maintenance.drain(id, config);
    }

    /** MARK_AGENT_GONE (see {@link AgentMaintenance}). */
    public Optional<Refusal> markAgentGone(AgentID id) {
        return maintenance.markGone(id);
    }

    public ClusterView view() {
        return snapshots.take(cluster.startTime);
    }

    /** {@code /metrics/snapshot}: Mesos's {@code master/...} metrics, name → value. */
    public SortedMap<String, Double> metrics() {
        return MasterMetrics.of(view(), cluster.now(), cluster.taskCounters, cluster.unreachableTransitions,
                cluster.config.allocation().fairnessExcludedResourceNames());
    }

    /**
     * Adds an operator event stream subscriber, whose SUBSCRIBED carries {@code state} rendered from a snapshot taken
     * now, so it sees every later change exactly once.
     */
    public void subscribeOperator(ResponseStream stream, String mediaType,
            Function<ClusterView, Response.GetState> state) {
        cluster.operatorSubscribers.subscribe(stream, mediaType, state.apply(view()));
    }

    /** Adds a subscriber of Meseta's offer stream; it gets the outstanding offers, then every offer event. */
    public void subscribeOffers(ResponseStream stream) {
        cluster.offerStream.subscribe(stream);
    }

    /**
     * Ends every framework stream, agent link, operator event stream and offer stream, as a master that stops does.
     */
    public void closeStreams() {
        cluster.frameworks.all().forEach(framework -> framework.connection().ifPresent(
                connection -> connection.close()));
        agents.closeLinks();
        cluster.operatorSubscribers.closeAll();
        cluster.offerStream.closeAll();
    }
}
