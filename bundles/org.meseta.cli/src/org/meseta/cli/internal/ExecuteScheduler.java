package org.meseta.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * The framework {@code meseta-execute} runs, as a function of the events it receives: it launches the task (or the
 * task group, with its executor) on the first offer that holds all their resources, declines every other offer,
 * acknowledges status updates, and ends once its task (every task of the group) ended, or with an error, tearing the
 * framework down. Everything it does goes through
 * {@link SchedulerEffects}, so it is tested without a master.
 *
 * <pre>
 *   SUBSCRIBING --SUBSCRIBED--&gt; WAITING --offer that fits: ACCEPT--&gt; LAUNCHED --terminal update--&gt; FINISHED
 *        \                        \                                    \
 *         +-----------------------+--- ERROR, failure, interrupt ------+--&gt; FINISHED (TEARDOWN once subscribed)
 * </pre>
 *
 * <p>Not thread-safe: the session calls it from one thread. Once finished it ignores everything.
 */
final class ExecuteScheduler {

    /** How long declined offers stay away while the task waits for one that fits (Mesos's default). */
    static final Duration REFUSE_WHILE_WAITING = Duration.ofSeconds(5);
    /** How long the resources of declined offers stay away once the task is launched: it needs nothing more. */
    static final Duration REFUSE_ONCE_LAUNCHED = Duration.ofHours(1);

    private enum Phase { SUBSCRIBING, WAITING, LAUNCHED, FINISHED }

    private final ExecuteOptions options;
    private final SchedulerEffects effects;
    private Phase phase = Phase.SUBSCRIBING;
    private FrameworkID frameworkId;
    /** The tasks launched, with their agent, and the state of each that ended. */
    private List<TaskInfo> launched = List.of();
    private final Map<TaskID, TaskStatus> ended = new HashMap<>();
    private boolean saidWaiting;
    private boolean killTimerArmed;

    ExecuteScheduler(ExecuteOptions options, SchedulerEffects effects) {
        this.options = options;
        this.effects = effects;
    }

    /** The call that opens the subscription; once subscribed, as the framework it became (after a failover). */
    Call subscribe() {
        return frameworkId == null ? Calls.subscribe(options.framework())
                : Calls.resubscribe(options.framework(), frameworkId);
    }

    boolean isFinished() {
        return phase == Phase.FINISHED;
    }

    /** Handles one event of the subscription stream, in stream order. */
    void handle(Event event) {
        if (phase == Phase.FINISHED) {
            return;
        }
        Runnable handler = switch (event.getType()) {
            case SUBSCRIBED -> () -> subscribed(event.getSubscribed().getFrameworkId());
            case OFFERS -> () -> offers(event.getOffers().getOffersList());
            case UPDATE -> () -> update(event.getUpdate().getStatus());
            case ERROR -> () -> fail("the master sent an ERROR event: " + event.getError().getMessage());
            case FAILURE -> () -> effects.print(failureLine(event.getFailure()));
            // Nothing to do: a rescinded offer was never accepted (or its task reports TASK_DROPPED or TASK_LOST),
            // and inverse offers, messages and operations are no business of a one-task framework.
            case HEARTBEAT, RESCIND, INVERSE_OFFERS, RESCIND_INVERSE_OFFER, MESSAGE, UPDATE_OPERATION_STATUS,
                    UNKNOWN -> () -> { };
        };
        handler.run();
    }

    /** {@code --kill_after} has passed since the task started running: asks the master to kill it. */
    void killTimerFired() {
        if (phase == Phase.LAUNCHED) {
            kill();
        }
    }

    /**
     * The run cannot go on (the stream broke, a call was refused): tears the framework down and finishes with
     * {@code reason}, unless already finished.
     */
    void fail(String reason) {
        finish(new Outcome.Failed(reason));
    }

    /** Stopped from outside: kills the task if it may be running, tears the framework down and finishes. */
    void interrupt() {
        if (phase == Phase.LAUNCHED) {
            kill();
        }
        finish(new Outcome.Interrupted());
    }

    private void subscribed(FrameworkID id) {
        frameworkId = id;
        effects.print("Subscribed with ID " + id.getValue());
        if (phase == Phase.SUBSCRIBING) {
            phase = Phase.WAITING;
        }
    }

    private void offers(List<Offer> offers) {
        if (phase == Phase.SUBSCRIBING) {
            return; // cannot happen before SUBSCRIBED; without a framework id there is nothing to answer with
        }
        boolean waiting = phase == Phase.WAITING;
        List<OfferID> declined = new ArrayList<>();
        for (Offer offer : offers) {
            if (phase != Phase.WAITING || !launchOn(offer)) {
                declined.add(offer.getId());
            }
        }
        if (!declined.isEmpty()) {
            effects.send(Calls.decline(frameworkId, declined,
                    phase == Phase.WAITING ? REFUSE_WHILE_WAITING : REFUSE_ONCE_LAUNCHED));
        }
        if (waiting && phase == Phase.LAUNCHED) {
            effects.send(Calls.suppress(frameworkId));
        } else if (phase == Phase.WAITING && !saidWaiting) {
            saidWaiting = true;
            effects.print("No offer holds " + options.resources() + " yet; waiting for one that does");
        }
    }

    private boolean launchOn(Offer offer) {
        Optional<List<List<Resource>>> resources = ResourcePicker.pickAll(options.needs(), offer.getResourcesList());
        if (resources.isEmpty()) {
            return false;
        }
        List<TaskInfo> tasks = new ArrayList<>();
        for (int i = 0; i < options.tasks().size(); i++) {
            tasks.add(options.tasks().get(i).toBuilder().setAgentId(offer.getAgentId()).clearResources()
                    .addAllResources(resources.get().get(i)).build());
        }
        launched = List.copyOf(tasks);
        String agent = "agent '" + offer.getAgentId().getValue() + "'";
        if (options.executor().isPresent()) {
            ExecutorInfo executor = options.executor().get().toBuilder().setFrameworkId(frameworkId)
                    .addAllResources(resources.get().getLast()).build();
            effects.send(Calls.launchGroup(frameworkId, offer.getId(), executor, launched, REFUSE_ONCE_LAUNCHED));
            effects.print("Submitted task group with tasks " + launched.stream().map(task -> task.getTaskId()
                    .getValue()).toList() + " to " + agent);
        } else {
            effects.send(Calls.launch(frameworkId, offer.getId(), launched.getFirst(), REFUSE_ONCE_LAUNCHED));
            effects.print("Submitted task '" + launched.getFirst().getName() + "' to " + agent);
        }
        phase = Phase.LAUNCHED;
        return true;
    }

    private void update(TaskStatus status) {
        StatusLines.of(status).forEach(effects::print);
        if (status.hasUuid()) {
            effects.send(Calls.acknowledge(frameworkId, status));
        }
        boolean ours = launched.stream().anyMatch(task -> task.getTaskId().equals(status.getTaskId()));
        if (!ours) {
            return;
        }
        if (status.getState() == TaskState.TASK_RUNNING && !killTimerArmed) {
            killTimerArmed = true;
            options.killAfter().ifPresent(effects::armKillTimer);
        }
        if (StatusLines.isTerminal(status.getState())) {
            ended.putIfAbsent(status.getTaskId(), status);
        }
        if (ended.size() == launched.size()) {
            // As mesos-execute: done once every task ended, successful only if every task finished.
            Optional<TaskStatus> unsuccessful = launched.stream().map(task -> ended.get(task.getTaskId()))
                    .filter(end -> end.getState() != TaskState.TASK_FINISHED).findFirst();
            finish(unsuccessful.<Outcome>map(end -> new Outcome.Failed(StatusLines.failure(end)))
                    .orElseGet(Outcome.Succeeded::new));
        }
    }

    /** Kills every task that has not ended. */
    private void kill() {
        for (TaskInfo task : launched) {
            if (!ended.containsKey(task.getTaskId())) {
                effects.print("Asked to kill task '" + task.getTaskId().getValue() + "' on agent '"
                        + task.getAgentId().getValue() + "'");
                effects.send(Calls.kill(frameworkId, task.getTaskId(), task.getAgentId()));
            }
        }
    }

    private void finish(Outcome outcome) {
        if (phase == Phase.FINISHED) {
            return;
        }
        if (frameworkId != null) {
            effects.send(Calls.teardown(frameworkId));
        }
        phase = Phase.FINISHED;
        effects.finish(outcome);
    }

    private static String failureLine(Event.Failure failure) {
        String agent = "agent '" + failure.getAgentId().getValue() + "'";
        if (!failure.hasExecutorId()) {
            return "Received a FAILURE event: " + agent + " was lost";
        }
        return "Received a FAILURE event: executor '" + failure.getExecutorId().getValue() + "' on " + agent
                + " exited" + (failure.hasStatus() ? " with status " + failure.getStatus() : "");
    }
}
