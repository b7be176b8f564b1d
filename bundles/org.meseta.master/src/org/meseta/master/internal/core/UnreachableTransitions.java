package org.meseta.master.internal.core;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.LongSupplier;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.daemon.Actor;

/**
 * The transitions of agents to unreachable after they failed their health checks, as Mesos's agent observers
 * schedule them: at once without {@code --agent_removal_rate_limit}, otherwise in the order they were scheduled and
 * at most one per {@link RemovalRate#interval()}. A transition still waiting is canceled when the agent answers a
 * ping or subscribes again. Counts them for {@code master/slave_unreachable_scheduled}, {@code _completed} and
 * {@code _canceled}. Confined to the master's actor thread.
 */
final class UnreachableTransitions {

    private static final System.Logger LOG = System.getLogger(UnreachableTransitions.class.getName());

    private final Actor actor;
    /** Monotonic nanoseconds: the spacing is real time, whatever the master's clock says. */
    private final LongSupplier nanoTime;
    private final Optional<Duration> interval;
    private final Map<AgentID, Runnable> waiting = new LinkedHashMap<>();
    private long lastCompleted;
    private boolean anyCompleted;
    private boolean timerArmed;
    private long scheduled;
    private long completed;
    private long canceled;

    UnreachableTransitions(Actor actor, LongSupplier nanoTime, Optional<RemovalRate> rate) {
        this.actor = actor;
        this.nanoTime = nanoTime;
        this.interval = rate.map(RemovalRate::interval);
    }

    /**
     * Schedules {@code transition} for the agent {@code id}; it runs on the actor thread once the rate allows, unless
     * {@link #cancel(AgentID)} comes first. Nothing happens if one is already scheduled for the agent.
     */
    void schedule(AgentID id, Runnable transition) {
        if (waiting.containsKey(id)) {
            return;
        }
        scheduled++;
        waiting.put(id, transition);
        if (interval.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "Scheduling transition of agent {0} to UNREACHABLE because of health"
                    + " check timeout", id.getValue());
        }
        runDue();
    }

    /** Cancels the agent's transition if one is waiting: the agent answered. */
    void cancel(AgentID id) {
        if (waiting.remove(id) != null) {
            canceled++;
            LOG.log(System.Logger.Level.INFO, "Canceling transition of agent {0} to UNREACHABLE: it answered again",
                    id.getValue());
        }
    }

    /** Adds Mesos's three counters under {@code prefix}. */
    void putCounters(SortedMap<String, Double> metrics, String prefix) {
        metrics.put(prefix + "/slave_unreachable_scheduled", (double) scheduled);
        metrics.put(prefix + "/slave_unreachable_completed", (double) completed);
        metrics.put(prefix + "/slave_unreachable_canceled", (double) canceled);
    }

    private void runDue() {
        while (!waiting.isEmpty() && !timerArmed) {
            Duration wait = Duration.ZERO;
            if (anyCompleted && interval.isPresent()) {
                wait = interval.get().minusNanos(nanoTime.getAsLong() - lastCompleted);
            }
            if (wait.isPositive()) {
                timerArmed = true;
                actor.schedule(wait, () -> {
                    timerArmed = false;
                    runDue();
                });
                return;
            }
            Iterator<Runnable> first = waiting.values().iterator();
            Runnable transition = first.next();
            first.remove();
            lastCompleted = nanoTime.getAsLong();
            anyCompleted = true;
            completed++;
            transition.run();
        }
    }
}
