package org.meseta.master.internal.allocation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.meseta.allocator.api.Allocation;
import org.meseta.allocator.api.Allocator;
import org.meseta.allocator.api.Quota;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Actor;

/**
 * Runs an {@link Allocator} on its own thread, {@code allocator}, and batches its passes: every event that may make
 * resources offerable asks for a pass, and at most one pass is queued at a time, so a burst of events (a framework
 * declining many offers, many tasks ending) costs one pass. A pass asked for by an event starts no sooner than the
 * last pass took after its end, so that passes take at most about half of the thread while events stream in (every
 * agent of a large cluster re-registering after a failover); with small clusters a pass takes a millisecond or so and
 * this delay does not show. A pass also runs every {@code --allocation_interval}, which is when expired offer filters
 * take effect.
 *
 * <p>Every method returns at once; the calls reach the allocator in the order they were made. Allocations are handed
 * to {@code offers} on the allocator thread; the consumer must hand them on to the master's thread and must not
 * block. Because the master acts on its own thread, an allocation may arrive for a framework or agent that has gone
 * meanwhile; the master then gives the resources back with {@link #recoverResources}.
 */
public final class AllocatorDriver implements AutoCloseable {

    private final Actor actor = new Actor("allocator");
    private final Allocator allocator;
    private final Duration interval;
    private final Consumer<List<Allocation>> offers;
    private boolean passQueued;
    /** When the last pass ended and how long it took ({@link System#nanoTime()}). */
    private long lastPassEnd;
    private long lastPassNanos;
    private final PassStatistics statistics = new PassStatistics();
    private Actor.Timer periodic = () -> {};

    public AllocatorDriver(Allocator allocator, Duration interval, Consumer<List<Allocation>> offers) {
        this.allocator = allocator;
        this.interval = interval;
        this.offers = offers;
    }

    /** Starts the periodic passes. */
    public void start() {
        actor.run(this::schedulePeriodicPass);
    }

    public void addFramework(FrameworkID id, FrameworkInfo info, Map<AgentID, Resources> used, boolean active,
            Set<String> suppressedRoles) {
        change(() -> allocator.addFramework(id, info, used, active, suppressedRoles));
    }

    public void updateFramework(FrameworkID id, FrameworkInfo info, Set<String> suppressedRoles) {
        change(() -> allocator.updateFramework(id, info, suppressedRoles));
    }

    public void activateFramework(FrameworkID id) {
        change(() -> allocator.activateFramework(id));
    }

    public void deactivateFramework(FrameworkID id) {
        actor.run(() -> allocator.deactivateFramework(id));
    }

    public void removeFramework(FrameworkID id) {
        change(() -> allocator.removeFramework(id));
    }

    public void addAgent(AgentID id, AgentInfo info, Resources total, Map<FrameworkID, Resources> used) {
        change(() -> allocator.addAgent(id, info, total, used));
    }

    public void removeAgent(AgentID id) {
        actor.run(() -> allocator.removeAgent(id));
    }

    public void activateAgent(AgentID id) {
        change(() -> allocator.activateAgent(id));
    }

    public void deactivateAgent(AgentID id) {
        actor.run(() -> allocator.deactivateAgent(id));
    }

    public void recoverResources(FrameworkID framework, AgentID agent, Resources resources,
            Optional<Duration> refuseFor) {
        change(() -> allocator.recoverResources(framework, agent, resources, refuseFor));
    }

    /** See {@link Allocator#updateAllocation}. */
    public void updateAllocation(FrameworkID framework, AgentID agent, Resources consumed, Resources converted) {
        actor.run(() -> allocator.updateAllocation(framework, agent, consumed, converted));
    }

    /**
     * See {@link Allocator#updateAvailable}; the answer completes on the allocator thread (never, if the driver is
     * closed first).
     */
    public CompletableFuture<Optional<String>> updateAvailable(AgentID agent, Resources consumed,
            Resources converted) {
        CompletableFuture<Optional<String>> outcome = new CompletableFuture<>();
        change(() -> outcome.complete(allocator.updateAvailable(agent, consumed, converted)));
        return outcome;
    }

    public void suppressOffers(FrameworkID framework, Set<String> roles) {
        actor.run(() -> allocator.suppressOffers(framework, roles));
    }

    public void reviveOffers(FrameworkID framework, Set<String> roles) {
        change(() -> allocator.reviveOffers(framework, roles));
    }

    /** Sets role weights; the roles not in {@code weights} keep theirs. */
    public void updateWeights(Map<String, Double> weights) {
        Map<String, Double> copy = Map.copyOf(weights);
        change(() -> allocator.updateWeights(copy));
    }

    /** Sets a role's quota ({@link Quota#NONE} removes it); a pass follows. */
    public void updateQuota(String role, Quota quota) {
        change(() -> allocator.updateQuota(role, quota));
    }

    /** What each role with quota consumes, as the allocator counts it, read on the allocator thread. */
    public CompletableFuture<Map<String, Map<String, Double>>> quotaConsumption() {
        return actor.call(allocator::quotaConsumption);
    }

    /** Applies a change that may make resources offerable, then makes sure a pass follows. */
    private void change(Runnable call) {
        actor.run(() -> {
            call.run();
            if (!passQueued) {
                passQueued = true;
                long asked = System.nanoTime();
                long rest = lastPassEnd + lastPassNanos - asked;
                if (rest <= 0) {
                    // Queued behind the events already waiting, so a burst of them is allocated in one pass.
                    actor.run(() -> pass(asked));
                } else {
                    actor.schedule(Duration.ofNanos(rest), () -> pass(asked));
                }
            }
        });
    }

    /** @param asked when the pass was asked for or due ({@link System#nanoTime()}) */
    private void pass(long asked) {
        passQueued = false;
        long start = System.nanoTime();
        List<Allocation> allocations = allocator.allocate();
        lastPassEnd = System.nanoTime();
        lastPassNanos = lastPassEnd - start;
        statistics.record(asked, start, lastPassEnd);
        if (!allocations.isEmpty()) {
            offers.accept(allocations);
        }
    }

    private void schedulePeriodicPass() {
        long due = System.nanoTime() + interval.toNanos();
        periodic = actor.schedule(interval, () -> {
            pass(due);
            schedulePeriodicPass();
        });
    }

    /**
     * Mesos's {@code allocator/mesos/allocation_runs}, {@code allocation_run_ms} and
     * {@code allocation_run_latency_ms} figures (see {@link PassStatistics}), {@code event_queue_dispatches} (the
     * calls waiting for the allocator thread) and {@code offer_filters/roles/<role>/active}, read on the allocator
     * thread.
     */
    public CompletableFuture<SortedMap<String, Double>> metrics() {
        return actor.call(() -> {
            SortedMap<String, Double> metrics = new TreeMap<>();
            statistics.putTo(metrics, System.nanoTime());
            metrics.put("allocator/mesos/event_queue_dispatches", (double) actor.backlog());
            allocator.activeOfferFilters().forEach((role, active) -> metrics.put(
                    "allocator/mesos/offer_filters/roles/" + role + "/active", (double) active));
            return metrics;
        });
    }

    /** Stops allocating; calls made afterwards are dropped. */
    @Override
    public void close() {
        actor.run(() -> periodic.cancel());
        actor.close();
    }
}
