package org.meseta.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.cli.internal.SchedulerEvents.offer;
import static org.meseta.cli.internal.SchedulerEvents.offers;
import static org.meseta.cli.internal.SchedulerEvents.status;
import static org.meseta.cli.internal.SchedulerEvents.update;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meseta.api.flags.FlagParser;
import org.meseta.cli.internal.FakeSchedulerMaster.Received;
import org.meseta.http.MediaTypes;
import org.meseta.testing.Eventually;
import org.meseta.testing.Ports;

/** Whole runs against a fake master over real HTTP: the calls sent, what is printed, the exit status. */
class ExecutionTest {

    private static final long WAIT_SECONDS = 10;

    private final CapturedOutput output = new CapturedOutput();
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void aTaskThatFinishesExitsWithZeroOverJson() throws Exception {
        aTaskThatFinishesExitsWithZero(ContentType.JSON);
    }

    @Test
    void aTaskThatFinishesExitsWithZeroOverProtobuf() throws Exception {
        aTaskThatFinishesExitsWithZero(ContentType.PROTOBUF);
    }

    private void aTaskThatFinishesExitsWithZero(ContentType contentType) throws Exception {
        FakeSchedulerMaster master = master();
        master.on(Call.Type.SUBSCRIBE, call -> master.send(offers(offer("O1", "S1", "cpus:2;mem:1024"))));
        master.on(Call.Type.ACCEPT, accept -> {
            master.send(update(status(accept, TaskState.TASK_RUNNING)));
            master.send(update(status(accept, TaskState.TASK_FINISHED).setMessage("Command exited with status 0")));
        });

        Execution run = run(master, "--content_type=" + contentType.flagValue());

        assertEquals(0, exitStatus(run));
        assertEquals(List.of(Call.Type.SUBSCRIBE, Call.Type.ACCEPT, Call.Type.SUPPRESS, Call.Type.ACKNOWLEDGE,
                Call.Type.ACKNOWLEDGE, Call.Type.TEARDOWN), master.callTypes());
        for (Received received : master.calls()) {
            assertEquals(contentType.mediaType(), received.contentType(), received.call().getType().name());
            assertEquals(contentType.mediaType(), received.accept(), received.call().getType().name());
        }
        Call accept = master.await(Call.Type.ACCEPT).call();
        assertEquals("O1", accept.getAccept().getOfferIds(0).getValue());
        assertEquals(SchedulerEvents.preRefinement("cpus:1;mem:128"),
                accept.getAccept().getOperations(0).getLaunch().getTaskInfos(0).getResourcesList(),
                "the task's resources, as the offer carried them");
        assertEquals("""
                Subscribed with ID fake-0001
                Submitted task 'hello' to agent 'S1'
                Received status update TASK_RUNNING for task 'hello'
                  source: SOURCE_EXECUTOR
                Received status update TASK_FINISHED for task 'hello'
                  message: 'Command exited with status 0'
                  source: SOURCE_EXECUTOR
                """, output.stdout());
        assertEquals("", output.stderr());
    }

    @Test
    void everyCallAfterSubscribeCarriesTheStreamIdAndEveryUpdateIsAcknowledged() throws Exception {
        FakeSchedulerMaster master = master();
        List<TaskStatus> sent = new ArrayList<>();
        master.on(Call.Type.SUBSCRIBE, call -> master.send(offers(offer("O1", "S1", "cpus:2;mem:1024"))));
        master.on(Call.Type.ACCEPT, accept -> {
            for (TaskState state : List.of(TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED)) {
                TaskStatus status = status(accept, state).build();
                sent.add(status);
                master.send(update(status.toBuilder()));
            }
        });

        assertEquals(0, exitStatus(run(master)));

        List<Received> calls = master.calls();
        assertEquals(null, calls.get(0).streamId(), "SUBSCRIBE carries none");
        String streamId = calls.get(1).streamId();
        assertTrue(calls.stream().skip(1).allMatch(received -> streamId.equals(received.streamId())), calls::toString);
        List<Call.Acknowledge> acknowledged = calls.stream().map(Received::call)
                .filter(call -> call.getType() == Call.Type.ACKNOWLEDGE).map(Call::getAcknowledge).toList();
        assertEquals(sent.stream().map(TaskStatus::getUuid).toList(),
                acknowledged.stream().map(Call.Acknowledge::getUuid).toList());
        assertTrue(acknowledged.stream().allMatch(ack -> ack.getAgentId().getValue().equals("S1")
                && ack.getTaskId().getValue().equals("hello")));
    }

    @Test
    void aFailedTaskExitsWithOneAndSaysWhy() throws Exception {
        FakeSchedulerMaster master = master();
        master.on(Call.Type.SUBSCRIBE, call -> master.send(offers(offer("O1", "S1", "cpus:2;mem:1024"))));
        master.on(Call.Type.ACCEPT, accept -> master.send(update(status(accept, TaskState.TASK_FAILED)
                .setReason(TaskStatus.Reason.REASON_COMMAND_EXECUTOR_FAILED)
                .setMessage("Command exited with status 3"))));

        assertEquals(1, exitStatus(run(master)));

        assertTrue(output.stdout().contains("""
                Received status update TASK_FAILED for task 'hello'
                  message: 'Command exited with status 3'
                  source: SOURCE_EXECUTOR
                  reason: REASON_COMMAND_EXECUTOR_FAILED
                """), output.stdout());
        assertEquals("meseta-execute: task 'hello' ended in TASK_FAILED (REASON_COMMAND_EXECUTOR_FAILED): Command"
                + " exited with status 3\n", output.stderr());
        assertEquals(Call.Type.TEARDOWN, master.callTypes().getLast());
    }

    @Test
    void offersThatDoNotFitAreDeclinedAndTheRunWaitsForOneThatDoes() throws Exception {
        FakeSchedulerMaster master = master();
        master.on(Call.Type.SUBSCRIBE, call -> master.send(offers(offer("O1", "S1", "cpus:0.5;mem:1024"),
                offer("O2", "S2", "cpus:4;mem:64"))));
        Execution run = run(master);

        Call decline = master.await(Call.Type.DECLINE).call();
        assertEquals(List.of("O1", "O2"), decline.getDecline().getOfferIdsList().stream().map(id -> id.getValue())
                .toList());
        assertEquals(5.0, decline.getDecline().getFilters().getRefuseSeconds());
        Eventually.await("the waiting line", () -> output.stdout().contains("No offer holds"));
        assertFalse(run.exitStatus().toCompletableFuture().isDone(), "still waiting");

        master.on(Call.Type.ACCEPT, accept -> master.send(update(status(accept, TaskState.TASK_FINISHED))));
        master.send(offers(offer("O3", "S3", "cpus:1;mem:128")));

        assertEquals(0, exitStatus(run));
        assertEquals("O3", master.await(Call.Type.ACCEPT).call().getAccept().getOfferIds(0).getValue());
    }

    @Test
    void anErrorEventEndsTheRunWithOne() throws Exception {
        FakeSchedulerMaster master = master();
        master.on(Call.Type.SUBSCRIBE, call -> master.send(SchedulerEvents.error("Framework has been removed")));

        assertEquals(1, exitStatus(run(master)));

        assertEquals("meseta-execute: the master sent an ERROR event: Framework has been removed\n",
                output.stderr());
    }

    @Test
    void aRedirectToTheLeaderIsFollowed() throws Exception {
        FakeSchedulerMaster leader = master();
        FakeSchedulerMaster follower = master();
        follower.redirectTo(leader);
        leader.on(Call.Type.SUBSCRIBE, call -> leader.send(offers(offer("O1", "S1", "cpus:1;mem:128"))));
        leader.on(Call.Type.ACCEPT, accept -> leader.send(update(status(accept, TaskState.TASK_FINISHED))));

        assertEquals(0, exitStatus(run(follower)));

        assertEquals(List.of(Call.Type.SUBSCRIBE), follower.callTypes());
        assertEquals(Call.Type.TEARDOWN, leader.callTypes().getLast());
    }

    @Test
    void killAfterKillsTheRunningTask() throws Exception {
        FakeSchedulerMaster master = master();
        master.on(Call.Type.SUBSCRIBE, call -> master.send(offers(offer("O1", "S1", "cpus:1;mem:128"))));
        CompletableFuture<Call> accepted = new CompletableFuture<>();
        master.on(Call.Type.ACCEPT, accept -> {
            accepted.complete(accept);
            master.send(update(status(accept, TaskState.TASK_RUNNING)));
        });
        master.on(Call.Type.KILL, kill -> master.send(update(status(accepted.join(), TaskState.TASK_KILLED))));

        Execution run = run(master, "--kill_after=100ms");

        assertEquals(1, exitStatus(run), "a killed task did not finish");
        Call.Kill kill = master.await(Call.Type.KILL).call().getKill();
        assertEquals("hello", kill.getTaskId().getValue());
        assertEquals("S1", kill.getAgentId().getValue());
        assertTrue(output.stdout().contains("Asked to kill task 'hello' on agent 'S1'\n"), output.stdout());
    }

    @Test
    void closingARunningRunKillsTheTaskAndTearsDown() throws Exception {
        FakeSchedulerMaster master = master();
        master.on(Call.Type.SUBSCRIBE, call -> master.send(offers(offer("O1", "S1", "cpus:1;mem:128"))));
        master.on(Call.Type.ACCEPT, accept -> master.send(update(status(accept, TaskState.TASK_RUNNING))));
        Execution run = run(master);
        master.await(Call.Type.ACKNOWLEDGE);

        run.close();

        List<Call.Type> types = master.callTypes();
        assertEquals(List.of(Call.Type.KILL, Call.Type.TEARDOWN), types.subList(types.size() - 2, types.size()));
    }

    @Test
    void aStreamThatEndsUnexpectedlyEndsTheRunWithOne() throws Exception {
        FakeSchedulerMaster master = master();
        master.on(Call.Type.SUBSCRIBE, call -> master.closeStream());

        assertEquals(1, exitStatus(run(master)));

        assertEquals("meseta-execute: the master at " + master.address() + " closed the event stream\n",
                output.stderr());
    }

    @Test
    void aMasterThatCannotBeReachedIsTriedAgainThenEndsTheRunWithOneLine() throws Exception {
        String nowhere = "127.0.0.1:" + Ports.free();

        Execution run = Execution.start(options("--master=" + nowhere), ConnectRetry.every(Duration.ZERO, 2),
                output.out, output.err);
        toClose.add(run);

        assertEquals(1, exitStatus(run));
        assertTrue(output.stderr().startsWith("meseta-execute: cannot connect to the master at " + nowhere
                + " (3 attempts): Connection refused"), output.stderr());
        assertEquals(1, output.stderr().lines().count(), output.stderr());
        assertEquals("", output.stdout());
    }

    @Test
    void aMasterThatComesUpWhileTheRunTriesAgainIsSubscribedTo() throws Exception {
        int port = Ports.free();
        CompletableFuture<FakeSchedulerMaster> master = new CompletableFuture<>();
        ConnectRetry startTheMasterAfterTheFirstFailure = failures -> {
            if (failures > 1) {
                return Optional.empty();
            }
            try {
                FakeSchedulerMaster started = FakeSchedulerMaster.startOn(port);
                toClose.add(started);
                started.on(Call.Type.SUBSCRIBE, call -> started.send(offers(offer("O1", "S1", "cpus:1;mem:128"))));
                started.on(Call.Type.ACCEPT, accept -> started.send(update(status(accept, TaskState.TASK_FINISHED))));
                master.complete(started);
            } catch (Exception e) {
                master.completeExceptionally(e);
            }
            return Optional.of(Duration.ZERO);
        };

        Execution run = Execution.start(options("--master=127.0.0.1:" + port), startTheMasterAfterTheFirstFailure,
                output.out, output.err);
        toClose.add(run);

        assertEquals(0, exitStatus(run), output.stderr());
        assertEquals(Call.Type.TEARDOWN, master.get(WAIT_SECONDS, TimeUnit.SECONDS).callTypes().getLast());
    }

    @Test
    void aRefusedSubscriptionEndsTheRunWithTheStatusAndTheMastersText() throws Exception {
        FakeSchedulerMaster master = master();
        master.refuse(Call.Type.SUBSCRIBE, 503, "Master has not finished recovery");

        assertEquals(1, exitStatus(run(master)));

        assertEquals("meseta-execute: the master at " + master.address() + " refused the subscription: 503 Master"
                + " has not finished recovery\n", output.stderr());
    }

    @Test
    void aRefusedCallEndsTheRunWithTheStatusAndTheMastersTextAndTearsDown() throws Exception {
        FakeSchedulerMaster master = master();
        master.on(Call.Type.SUBSCRIBE, call -> master.send(offers(offer("O1", "S1", "cpus:1;mem:128"))));
        master.refuse(Call.Type.ACCEPT, 400, "Offer O1 is no longer valid");

        assertEquals(1, exitStatus(run(master)));

        assertEquals("meseta-execute: the master refused the ACCEPT call: 400 Offer O1 is no longer valid\n",
                output.stderr());
        assertEquals(Call.Type.TEARDOWN, master.callTypes().getLast());
    }

    @Test
    void theSubscriptionAsksForTheChosenEncodingWithoutAStreamId() throws Exception {
        FakeSchedulerMaster master = master();
        master.on(Call.Type.SUBSCRIBE, call -> master.send(SchedulerEvents.error("stop here")));

        exitStatus(run(master, "--content_type=json"));

        Received subscribe = master.calls().get(0);
        assertEquals(MediaTypes.APPLICATION_JSON, subscribe.contentType());
        assertEquals(MediaTypes.APPLICATION_JSON, subscribe.accept());
        assertEquals("meseta-execute instance", subscribe.call().getSubscribe().getFrameworkInfo().getName());
        assertFalse(subscribe.call().hasFrameworkId(), "a new framework");
    }

    private FakeSchedulerMaster master() throws Exception {
        FakeSchedulerMaster master = FakeSchedulerMaster.start();
        toClose.add(master);
        return master;
    }

    private Execution run(FakeSchedulerMaster master, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--master=" + master.address(), "--name=hello",
                "--command=echo hello"));
        args.addAll(List.of(flags));
        Execution run = Execution.start(options(args.toArray(String[]::new)), output.out, output.err);
        toClose.add(run);
        return run;
    }

    private static ExecuteOptions options(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(arg -> arg.startsWith("--command"))) {
            all.addAll(List.of("--name=hello", "--command=true"));
        }
        return ExecuteOptions.from(FlagParser.parse(ExecuteFlags.ALL, all));
    }

    private static int exitStatus(Execution run) throws Exception {
        return run.exitStatus().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
