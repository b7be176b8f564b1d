package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability.Type;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.meseta.tests.v1client.Calls;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;

/**
 * Tasks on a real local cluster, driven by frameworks over the v1 scheduler API in JSON and protobuf: the command
 * executor's updates, exit statuses, kill, reliable update delivery, reconciliation, teardown and failover.
 */
class TaskLifecycleTest {

    @TempDir
    static Path workDir;

    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("tasks-local", workDir, 1, "--resources=cpus:8;mem:4096;disk:4096");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static SchedulerClient subscribe(Wire wire, FrameworkInfo info) throws Exception {
        return SchedulerClient.subscribe(cluster.master(), wire, info);
    }

    private static Offer offer(SchedulerClient framework) throws InterruptedException {
        return framework.await(Event.Type.OFFERS).getOffers().getOffers(0);
    }

    /** Launches {@code command} as task {@code id} on the next offer; filters the rest of the offer for an hour. */
    private static TaskInfo launch(SchedulerClient framework, String id, String command) throws Exception {
        Offer offer = offer(framework);
        TaskInfo task = Calls.commandTask(id, offer, command, 0.1, 32).build();
        var call = Calls.launch(offer, task);
        call.getAcceptBuilder().getFiltersBuilder().setRefuseSeconds(3600);
        framework.accepted(call);
        return task;
    }

    /** Acknowledges every update until a terminal one, which it returns; {@code seen} gets every state. */
    private static TaskStatus untilTerminal(SchedulerClient framework, List<TaskState> seen) throws Exception {
        while (true) {
            TaskStatus status = framework.awaitUpdate();
            seen.add(status.getState());
            if (status.hasUuid()) {
                framework.acknowledge(status);
            }
            if (isTerminal(status.getState())) {
                return status;
            }
        }
    }

    private static TaskStatus awaitState(SchedulerClient framework, TaskState state) throws Exception {
        List<TaskState> seen = new ArrayList<>();
        while (true) {
            TaskStatus status = framework.awaitUpdate();
            seen.add(status.getState());
            if (status.hasUuid()) {
                framework.acknowledge(status);
            }
            if (status.getState() == state) {
                return status;
            }
            assertFalse(isTerminal(status.getState()), () -> "waiting for " + state + ", saw " + seen);
        }
    }

    private static boolean isTerminal(TaskState state) {
        return switch (state) {
            case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
                    TASK_GONE_BY_OPERATOR -> true;
            default -> false;
        };
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aCommandRunsToFinishedAndItsOutputIsInTheSandbox(Wire wire) throws Exception {
        try (SchedulerClient framework = subscribe(wire, SchedulerClient.framework("echo-" + wire))) {
            launch(framework, "echo", "echo hi");

            List<TaskState> seen = new ArrayList<>();
            TaskStatus finished = untilTerminal(framework, seen);

            assertEquals(TaskState.TASK_FINISHED, finished.getState(), () -> "states " + seen);
            assertTrue(seen.contains(TaskState.TASK_RUNNING), () -> "states " + seen);
            assertEquals(TaskStatus.Source.SOURCE_EXECUTOR, finished.getSource());
            String agent = cluster.agentAddress(finished.getAgentId().getValue());
            String sandbox = cluster.sandbox(finished.getAgentId().getValue(), framework.id().getValue(), "echo");
            assertEquals("hi\n", Sandboxes.read(agent, sandbox, "stdout"));
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aCommandThatExitsNonZeroEndsFailedWithItsStatus(Wire wire) throws Exception {
        try (SchedulerClient framework = subscribe(wire, SchedulerClient.framework("exit-" + wire))) {
            launch(framework, "exit3", "exit 3");

            TaskStatus failed = untilTerminal(framework, new ArrayList<>());

            assertEquals(TaskState.TASK_FAILED, failed.getState());
            assertTrue(failed.getMessage().contains("3"), failed.getMessage());
        }
    }

    @Test
    void killEndsARunningTaskThroughKillingToKilled() throws Exception {
        try (SchedulerClient framework = subscribe(Wire.PROTOBUF,
                SchedulerClient.framework("killer", Type.TASK_KILLING_STATE))) {
            TaskInfo task = launch(framework, "sleeper", "sleep 600");
            awaitState(framework, TaskState.TASK_RUNNING);

            framework.accepted(Calls.kill(task.getTaskId()));

            List<TaskState> seen = new ArrayList<>();
            TaskStatus killed = untilTerminal(framework, seen);
            assertEquals(TaskState.TASK_KILLED, killed.getState(), () -> "states " + seen);
            assertEquals(List.of(TaskState.TASK_KILLING, TaskState.TASK_KILLED), seen);
        }
    }

    @Test
    void anUnacknowledgedUpdateIsSentAgainWithTheSameUuidAndTheNextFollowsTheAcknowledgement() throws Exception {
        try (SchedulerClient framework = subscribe(Wire.PROTOBUF, SchedulerClient.framework("forgetful"))) {
            launch(framework, "short", "sleep 1");
            TaskStatus first = framework.awaitUpdate();
            while (first.getState() != TaskState.TASK_RUNNING) {
                framework.acknowledge(first);
                first = framework.awaitUpdate();
            }

            TaskStatus again = framework.awaitUpdate();

            assertEquals(TaskState.TASK_RUNNING, again.getState(), "the unacknowledged update, not the next one");
            assertEquals(first.getUuid(), again.getUuid());
            framework.acknowledge(again);
            assertEquals(TaskState.TASK_FINISHED, framework.awaitUpdate().getState());
        }
    }

    @Test
    void reconciliationAnswersRunningAndUnknownTasks() throws Exception {
        try (SchedulerClient framework = subscribe(Wire.JSON, SchedulerClient.framework("reconciler"))) {
            launch(framework, "steady", "sleep 600");
            awaitState(framework, TaskState.TASK_RUNNING);

            framework.accepted(Calls.reconcile(null));
            TaskStatus implicit = framework.awaitUpdate();
            framework.accepted(Calls.reconcile(null, "never-launched"));
            TaskStatus unknown = framework.awaitUpdate();

            assertEquals(TaskState.TASK_RUNNING, implicit.getState());
            assertEquals(TaskStatus.Reason.REASON_RECONCILIATION, implicit.getReason());
            assertFalse(implicit.hasUuid());
            assertEquals(TaskState.TASK_LOST, unknown.getState());
            assertEquals("never-launched", unknown.getTaskId().getValue());
            framework.accepted(Calls.teardown());
        }
    }

    @Test
    void teardownKillsTheFrameworksTasksOnTheAgent() throws Exception {
        try (SchedulerClient framework = subscribe(Wire.PROTOBUF, SchedulerClient.framework("torn"))) {
            launch(framework, "doomed", "sleep 600");
            TaskStatus running = awaitState(framework, TaskState.TASK_RUNNING);
            String agentId = running.getAgentId().getValue();
            String id = framework.id().getValue();

            framework.accepted(Calls.teardown());

            assertEquals("end", framework.awaitEnd());
            Cluster.awaitState(cluster.master(), SchedulerClient.WAIT, "the framework completed",
                    state -> contains(state.path("completed_frameworks"), id));
            awaitNoLiveFramework(agentId, id);
        }
    }

    @Test
    void aFrameworkThatFailsOverInTimeKeepsItsRunningTask() throws Exception {
        FrameworkInfo info = SchedulerClient.framework("phoenix").toBuilder().setFailoverTimeout(300).build();
        SchedulerClient first = subscribe(Wire.PROTOBUF, info);
        launch(first, "survivor", "sleep 600");
        awaitState(first, TaskState.TASK_RUNNING);
        first.close();

        try (SchedulerClient second = subscribe(Wire.JSON, info.toBuilder().setId(first.id()).build())) {
            assertEquals(first.id(), second.id());
            second.accepted(Calls.reconcile(null));
            TaskStatus status = second.awaitUpdate();
            assertEquals("survivor", status.getTaskId().getValue());
            assertEquals(TaskState.TASK_RUNNING, status.getState());
            second.accepted(Calls.teardown());
        }
    }

    @Test
    void aFrameworkGoneBeyondItsFailoverTimeoutHasItsTasksKilled() throws Exception {
        FrameworkInfo info = SchedulerClient.framework("mayfly").toBuilder().setFailoverTimeout(1).build();
        SchedulerClient framework = subscribe(Wire.PROTOBUF, info);
        launch(framework, "orphan", "sleep 600");
        String agentId = awaitState(framework, TaskState.TASK_RUNNING).getAgentId().getValue();
        String id = framework.id().getValue();

        framework.close();

        Cluster.awaitState(cluster.master(), SchedulerClient.WAIT, "the framework removed",
                state -> contains(state.path("completed_frameworks"), id));
        awaitNoLiveFramework(agentId, id);
    }

    private static boolean contains(com.fasterxml.jackson.databind.JsonNode frameworks, String id) {
        for (var framework : frameworks) {
            if (id.equals(framework.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void awaitNoLiveFramework(String agentId, String frameworkId) {
        long deadline = System.nanoTime() + SchedulerClient.WAIT.toNanos();
        while (contains(cluster.agentState(agentId).path("frameworks"), frameworkId)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The agent still runs framework " + frameworkId + ": "
                        + cluster.agentState(agentId));
            }
            Cluster.sleep(Duration.ofMillis(200));
        }
    }
}
