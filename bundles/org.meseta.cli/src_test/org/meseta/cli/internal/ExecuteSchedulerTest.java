package org.meseta.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.cli.internal.SchedulerEvents.offer;
import static org.meseta.cli.internal.SchedulerEvents.offers;
import static org.meseta.cli.internal.SchedulerEvents.status;
import static org.meseta.cli.internal.SchedulerEvents.update;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;
import org.meseta.api.flags.FlagParser;
import org.meseta.api.resources.Resources;

/** The framework's decisions, event by event, without a master: which calls, which lines, which outcome. */
class ExecuteSchedulerTest {

    /** Everything the scheduler asked its session to do. */
    private static final class Recorded implements SchedulerEffects {
        final List<Call> calls = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        final List<Duration> killTimers = new ArrayList<>();
        final List<Outcome> outcomes = new ArrayList<>();

        @Override
        public void send(Call call) {
            calls.add(call);
        }

        @Override
        public void print(String line) {
            lines.add(line);
        }

        @Override
        public void armKillTimer(Duration delay) {
            killTimers.add(delay);
        }

        @Override
        public void finish(Outcome outcome) {
            outcomes.add(outcome);
        }

        List<Call.Type> types() {
            return calls.stream().map(Call::getType).toList();
        }

        Call last() {
            return calls.getLast();
        }
    }

    private final Recorded effects = new Recorded();

    @Test
    void theFirstOfferThatFitsIsAcceptedAndTheOthersDeclined() throws Exception {
        ExecuteScheduler scheduler = subscribed();

        scheduler.handle(offers(offer("O1", "S1", "cpus:0.5;mem:1024"), offer("O2", "S2", "cpus:2;mem:1024"),
                offer("O3", "S3", "cpus:8;mem:8192")));

        assertEquals(List.of(Call.Type.ACCEPT, Call.Type.DECLINE, Call.Type.SUPPRESS), effects.types());
        Call.Accept accept = effects.calls.get(0).getAccept();
        assertEquals(List.of("O2"), ids(accept.getOfferIdsList()));
        assertEquals("S2", accept.getOperations(0).getLaunch().getTaskInfos(0).getAgentId().getValue());
        assertEquals(3600.0, accept.getFilters().getRefuseSeconds(), "nothing more is needed once launched");
        Call.Decline decline = effects.calls.get(1).getDecline();
        assertEquals(List.of("O1", "O3"), ids(decline.getOfferIdsList()));
        assertEquals(3600.0, decline.getFilters().getRefuseSeconds());
        assertEquals("Submitted task 'hello' to agent 'S2'", effects.lines.getLast());
    }

    @Test
    void offersThatDoNotFitAreDeclinedBrieflyAndTheWaitIsMentionedOnce() throws Exception {
        ExecuteScheduler scheduler = subscribed();

        scheduler.handle(offers(offer("O1", "S1", "cpus:0.5;mem:1024")));
        scheduler.handle(offers(offer("O2", "S1", "cpus:0.5;mem:1024")));

        assertEquals(List.of(Call.Type.DECLINE, Call.Type.DECLINE), effects.types());
        assertEquals(5.0, effects.last().getDecline().getFilters().getRefuseSeconds());
        assertEquals(List.of("Subscribed with ID fake-0001", "No offer holds cpus:1; mem:128 yet; waiting for one"
                + " that does"), effects.lines);
        assertTrue(effects.outcomes.isEmpty());
    }

    @Test
    void offersAfterTheLaunchAreDeclinedForLong() throws Exception {
        ExecuteScheduler scheduler = launched();

        scheduler.handle(offers(offer("O9", "S9", "cpus:8;mem:8192")));

        assertEquals(Call.Type.DECLINE, effects.last().getType());
        assertEquals(3600.0, effects.last().getDecline().getFilters().getRefuseSeconds());
    }

    @Test
    void updatesWithAUuidAreAcknowledgedOthersAreNot() throws Exception {
        ExecuteScheduler scheduler = launched();
        Call accept = effects.calls.get(0);

        scheduler.handle(update(status(accept, TaskState.TASK_RUNNING)));
        scheduler.handle(update(status(accept, TaskState.TASK_RUNNING).clearUuid()));

        List<Call> acknowledgements = effects.calls.stream().filter(call -> call.getType() == Call.Type.ACKNOWLEDGE)
                .toList();
        assertEquals(1, acknowledgements.size());
        Call.Acknowledge ack = acknowledgements.get(0).getAcknowledge();
        assertEquals("hello", ack.getTaskId().getValue());
        assertEquals("S1", ack.getAgentId().getValue());
        assertEquals(16, ack.getUuid().size());
        assertEquals("fake-0001", acknowledgements.get(0).getFrameworkId().getValue());
    }

    @Test
    void aFinishedTaskTearsDownAndSucceeds() throws Exception {
        ExecuteScheduler scheduler = launched();

        scheduler.handle(update(status(effects.calls.get(0), TaskState.TASK_FINISHED)));

        assertEquals(List.of(Call.Type.ACKNOWLEDGE, Call.Type.TEARDOWN), effects.types().subList(2, 4));
        assertEquals(List.of(new Outcome.Succeeded()), effects.outcomes);
        assertTrue(scheduler.isFinished());
    }

    @Test
    void everyOtherTerminalStateFails() throws Exception {
        for (TaskState state : List.of(TaskState.TASK_FAILED, TaskState.TASK_KILLED, TaskState.TASK_LOST,
                TaskState.TASK_ERROR, TaskState.TASK_DROPPED, TaskState.TASK_GONE)) {
            Recorded recorded = new Recorded();
            ExecuteScheduler scheduler = new ExecuteScheduler(options(), recorded);
            scheduler.handle(SchedulerEvents.subscribed());
            scheduler.handle(offers(offer("O1", "S1", "cpus:1;mem:128")));

            scheduler.handle(update(status(recorded.calls.get(0), state).setMessage("why")));

            Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, recorded.outcomes.get(0), state.name());
            assertEquals("task 'hello' ended in " + state + ": why", failed.reason());
            assertEquals(Call.Type.TEARDOWN, recorded.last().getType());
        }
    }

    @Test
    void unreachableIsNotTheEnd() throws Exception {
        ExecuteScheduler scheduler = launched();

        scheduler.handle(update(status(effects.calls.get(0), TaskState.TASK_UNREACHABLE)));

        assertTrue(effects.outcomes.isEmpty(), "an unreachable task may come back");
    }

    @Test
    void killAfterIsArmedOnceTheTaskRunsAndKillsIt() throws Exception {
        ExecuteScheduler scheduler = launched("--kill_after=2mins");
        Call accept = effects.calls.get(0);

        scheduler.handle(update(status(accept, TaskState.TASK_STARTING)));
        assertTrue(effects.killTimers.isEmpty(), "not before it runs");
        scheduler.handle(update(status(accept, TaskState.TASK_RUNNING)));
        scheduler.handle(update(status(accept, TaskState.TASK_RUNNING)));
        assertEquals(List.of(Duration.ofMinutes(2)), effects.killTimers);

        scheduler.killTimerFired();

        Call.Kill kill = effects.last().getKill();
        assertEquals("hello", kill.getTaskId().getValue());
        assertEquals("S1", kill.getAgentId().getValue());
        assertEquals("Asked to kill task 'hello' on agent 'S1'", effects.lines.getLast());
        assertTrue(effects.outcomes.isEmpty(), "the kill's own update ends the run");
    }

    @Test
    void aTaskGroupLaunchesWithItsExecutorOnAnOfferHoldingAllAndEndsWithItsLastTask() throws Exception {
        ExecuteScheduler scheduler = new ExecuteScheduler(groupOptions(), effects);
        scheduler.handle(SchedulerEvents.subscribed());

        scheduler.handle(offers(offer("O1", "S1", "cpus:0.5;mem:256;disk:32"), offer("O2", "S2",
                "cpus:1;mem:256;disk:64")));

        assertEquals(List.of(Call.Type.ACCEPT, Call.Type.DECLINE, Call.Type.SUPPRESS), effects.types());
        Call.Accept accept = effects.calls.get(0).getAccept();
        assertEquals(List.of("O2"), ids(accept.getOfferIdsList()));
        Offer.Operation.LaunchGroup group = accept.getOperations(0).getLaunchGroup();
        assertEquals("default", group.getExecutor().getExecutorId().getValue());
        assertEquals(SchedulerEvents.FRAMEWORK_ID, group.getExecutor().getFrameworkId().getValue());
        assertEquals(SchedulerEvents.parse("cpus:0.1;mem:32;disk:32"),
                Resources.of(group.getExecutor().getResourcesList()));
        assertEquals(List.of("S2", "S2"), group.getTaskGroup().getTasksList().stream()
                .map(task -> task.getAgentId().getValue()).toList());
        assertEquals("Submitted task group with tasks [a, b] to agent 'S2'", effects.lines.getLast());

        scheduler.handle(update(groupStatus(group, 0, TaskState.TASK_FAILED).setMessage("Command exited with"
                + " status 1")));
        assertTrue(effects.outcomes.isEmpty(), "task b still runs");
        scheduler.handle(update(groupStatus(group, 1, TaskState.TASK_KILLED)));

        assertEquals(List.of(new Outcome.Failed("task 'a' ended in TASK_FAILED: Command exited with status 1")),
                effects.outcomes);
        assertEquals(Call.Type.TEARDOWN, effects.last().getType());
    }

    @Test
    void aTaskGroupSucceedsWhenEveryTaskFinishedAndAKillKillsEveryTaskLeft() throws Exception {
        ExecuteScheduler scheduler = new ExecuteScheduler(groupOptions(), effects);
        scheduler.handle(SchedulerEvents.subscribed());
        scheduler.handle(offers(offer("O1", "S1", "cpus:1;mem:256;disk:64")));
        Offer.Operation.LaunchGroup group = effects.calls.get(0).getAccept().getOperations(0).getLaunchGroup();
        scheduler.handle(update(groupStatus(group, 0, TaskState.TASK_FINISHED)));

        scheduler.interrupt();

        assertEquals(List.of("b"), effects.calls.stream().filter(call -> call.getType() == Call.Type.KILL)
                .map(call -> call.getKill().getTaskId().getValue()).toList());
        Recorded finished = new Recorded();
        ExecuteScheduler other = new ExecuteScheduler(groupOptions(), finished);
        other.handle(SchedulerEvents.subscribed());
        other.handle(offers(offer("O1", "S1", "cpus:1;mem:256;disk:64")));
        other.handle(update(groupStatus(group, 0, TaskState.TASK_FINISHED)));
        other.handle(update(groupStatus(group, 1, TaskState.TASK_FINISHED)));
        assertEquals(List.of(new Outcome.Succeeded()), finished.outcomes);
    }

    private static ExecuteOptions groupOptions() throws Exception {
        return ExecuteOptions.from(FlagParser.parse(ExecuteFlags.ALL, List.of("--master=127.0.0.1:5050",
                "--task_group={\"tasks\": [" + task("a", "cpus", 0.5) + ", " + task("b", "mem", 128) + "]}")));
    }

    /** A task in JSON using {@code value} of the scalar resource {@code resource}. */
    private static String task(String id, String resource, double value) {
        return "{\"name\": \"" + id + "\", \"task_id\": {\"value\": \"" + id + "\"}, \"resources\": [{\"name\": \""
                + resource + "\", \"type\": \"SCALAR\", \"scalar\": {\"value\": " + value + "}}]}";
    }

    /** A status of task {@code index} of the launched {@code group}, with a fresh uuid. */
    private static TaskStatus.Builder groupStatus(Offer.Operation.LaunchGroup group, int index, TaskState state) {
        TaskInfo task = group.getTaskGroup().getTasks(index);
        return SchedulerEvents.status(task, state);
    }

    @Test
    void anErrorEventTearsDownAndFails() throws Exception {
        ExecuteScheduler scheduler = subscribed();

        scheduler.handle(SchedulerEvents.error("Framework has been removed"));

        assertEquals(List.of(Call.Type.TEARDOWN), effects.types());
        assertEquals(List.of(new Outcome.Failed("the master sent an ERROR event: Framework has been removed")),
                effects.outcomes);
    }

    @Test
    void aFailureBeforeTheSubscriptionHasNothingToTearDown() throws Exception {
        ExecuteScheduler scheduler = new ExecuteScheduler(options(), effects);

        scheduler.fail("could not subscribe");

        assertTrue(effects.calls.isEmpty());
        assertEquals(List.of(new Outcome.Failed("could not subscribe")), effects.outcomes);
    }

    @Test
    void anInterruptKillsTheLaunchedTaskAndTearsDown() throws Exception {
        ExecuteScheduler scheduler = launched();

        scheduler.interrupt();
        scheduler.interrupt();

        assertEquals(List.of(Call.Type.KILL, Call.Type.TEARDOWN), effects.types().subList(2, 4));
        assertEquals(4, effects.calls.size(), "once");
        assertEquals(List.of(new Outcome.Interrupted()), effects.outcomes);
    }

    @Test
    void nothingHappensOnceFinished() throws Exception {
        ExecuteScheduler scheduler = launched();
        scheduler.handle(SchedulerEvents.error("gone"));
        int calls = effects.calls.size();

        scheduler.handle(offers(offer("O2", "S1", "cpus:1;mem:128")));
        scheduler.handle(update(status(effects.calls.get(0), TaskState.TASK_FINISHED)));
        scheduler.killTimerFired();
        scheduler.fail("late");

        assertEquals(calls, effects.calls.size());
        assertEquals(1, effects.outcomes.size());
    }

    @Test
    void theSubscriptionIsANewFrameworkWithTheFlagsInfo() throws Exception {
        Call subscribe = new ExecuteScheduler(options("--checkpoint"), effects).subscribe();

        assertEquals(Call.Type.SUBSCRIBE, subscribe.getType());
        assertFalse(subscribe.hasFrameworkId());
        assertTrue(subscribe.getSubscribe().getFrameworkInfo().getCheckpoint());
        assertFalse(subscribe.getSubscribe().getFrameworkInfo().hasId());
    }

    private ExecuteScheduler subscribed(String... flags) throws Exception {
        ExecuteScheduler scheduler = new ExecuteScheduler(options(flags), effects);
        scheduler.handle(SchedulerEvents.subscribed());
        scheduler.handle(SchedulerEvents.heartbeat());
        return scheduler;
    }

    /** Subscribed and launched on offer O1 of agent S1; the ACCEPT is the first call, SUPPRESS the second. */
    private ExecuteScheduler launched(String... flags) throws Exception {
        ExecuteScheduler scheduler = subscribed(flags);
        scheduler.handle(offers(offer("O1", "S1", "cpus:1;mem:128")));
        assertEquals(List.of(Call.Type.ACCEPT, Call.Type.SUPPRESS), effects.types());
        return scheduler;
    }

    private static ExecuteOptions options(String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--master=127.0.0.1:5050", "--name=hello", "--command=true"));
        args.addAll(List.of(flags));
        return ExecuteOptions.from(FlagParser.parse(ExecuteFlags.ALL, args));
    }

    private static List<String> ids(List<OfferID> ids) {
        return ids.stream().map(OfferID::getValue).toList();
    }
}
