package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.SLEEPER;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.resources.Resources;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpClientOptions;
import org.meseta.http.HttpTransport;
import org.meseta.daemon.Daemon;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;

/**
 * An agent that stops and starts again on the same work_dir, as in Mesos's slave recovery tests: tasks of
 * checkpointing frameworks keep running and are taken back, updates the framework has not acknowledged are sent
 * again, a task that ended meanwhile reports how it ended, the total the master gave is kept, and
 * {@code --recover=cleanup} kills everything.
 */
class AgentRecoveryTest {

    @TempDir
    Path workDir;

    private LinkedAgent agent;

    @BeforeEach
    void start() throws Exception {
        agent = LinkedAgent.start(workDir);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private static FrameworkInfo checkpointing() {
        return LinkedAgent.framework().toBuilder().setCheckpoint(true).build();
    }

    private long taskPid(String taskId) throws Exception {
        return LinkedAgent.awaitPid(agent.sandbox(taskId).resolve("task.pid"));
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Takes and acknowledges the task's updates, which must have {@code states}; returns them, to be acknowledged
     * again after a restart: the agent may have stopped before it took the acknowledgements.
     */
    private List<TaskStatus> acknowledged(String taskId, TaskState... states) throws Exception {
        List<TaskStatus> updates = new java.util.ArrayList<>();
        for (TaskState state : states) {
            TaskStatus status = agent.nextUpdate(taskId).status();
            assertEquals(state, status.getState());
            agent.acknowledge(status);
            updates.add(status);
        }
        return updates;
    }

    @Test
    void aRunningTaskKeepsRunningIsReportedAndItsUnacknowledgedUpdateIsSentAgain() throws Exception {
        agent.run(checkpointing(), LinkedAgent.commandTask("t1", SLEEPER));
        List<TaskStatus> starting = acknowledged("t1", TaskState.TASK_STARTING);
        TaskStatus running = agent.nextUpdate("t1").status(); // not acknowledged
        long pid = taskPid("t1");

        AgentSubscribe subscription = agent.restart();
        starting.forEach(agent::acknowledge);

        assertTrue(isAlive(pid), "the task's process outlived the agent");
        assertEquals(LinkedAgent.AGENT_ID, subscription.agentInfo().getId(), "it re-registers under its id");
        Task reported = subscription.tasks().stream().filter(task -> task.getTaskId().getValue().equals("t1"))
                .findFirst().orElseThrow();
        assertEquals(TaskState.TASK_RUNNING, reported.getState());
        assertEquals(running.getUuid(), reported.getStatusUpdateUuid());
        AgentCall.Update resent = agent.master().next(AgentCall.Update.class,
                update -> update.status().getUuid().equals(running.getUuid()));
        assertEquals(TaskState.TASK_RUNNING, resent.status().getState());

        // The agent controls the task it took back.
        agent.acknowledge(running);
        agent.kill("t1", Optional.empty());
        TaskStatus killed = agent.acknowledgeStates("t1", TaskState.TASK_KILLED);
        assertEquals("Command terminated with signal Terminated", killed.getMessage());
        assertFalse(isAlive(pid));
    }

    @Test
    void aTaskThatEndsWhileTheAgentIsDownReportsHowItEnded() throws Exception {
        agent.run(checkpointing(), LinkedAgent.commandTask("t1",
                "echo $$ > task.pid; while [ ! -e go ]; do sleep 0.05; done; echo done; exit 3"));
        List<TaskStatus> before = acknowledged("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        long pid = taskPid("t1");

        agent.stop();
        Files.createFile(agent.sandbox("t1").resolve("go"));
        Eventually.await("the task ended while no agent ran", () -> !isAlive(pid));
        agent.restart();
        before.forEach(agent::acknowledge);

        TaskStatus failed = agent.acknowledgeStates("t1", TaskState.TASK_FAILED);
        assertEquals("Command exited with status 3", failed.getMessage());
        assertEquals(TaskStatus.Source.SOURCE_EXECUTOR, failed.getSource());
        assertEquals("done\n", Files.readString(agent.sandbox("t1").resolve("stdout")));
    }

    @Test
    void tasksOfFrameworksThatDoNotCheckpointDieWithTheAgentAndAreNotReported() throws Exception {
        agent.run(LinkedAgent.framework(), LinkedAgent.commandTask("t1", SLEEPER));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        long pid = taskPid("t1");

        AgentSubscribe subscription = agent.restart();

        assertFalse(isAlive(pid));
        assertEquals(List.of(), subscription.tasks());
        assertEquals(List.of(), subscription.frameworks());
    }

    @Test
    void recoverCleanupKillsEveryTaskForgetsTheAgentsIdAndExits() throws Exception {
        agent.run(checkpointing(), LinkedAgent.commandTask("t1", SLEEPER));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        long pid = taskPid("t1");

        Daemon.Running cleanup = agent.stopAndStart("--recover=cleanup");

        assertEquals(0, cleanup.exitStatus().toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertFalse(isAlive(pid), "the task was killed");
        assertFalse(Files.exists(workDir.resolve("agent/meta/slaves/latest"), LinkOption.NOFOLLOW_LINKS),
                "the agent forgot its id");
    }

    @Test
    void theTotalWithTheMastersReservationsIsOfferedAgainAfterARestart() throws Exception {
        Resources total = Resources.parse("cpus:1;cpus(eng):1;mem:1024;disk:2048;ports:[31000-31099]", "*");
        agent.master().send(new AgentEvent.UpdateTotal(total.toList()));
        Path checkpoint = workDir.resolve("agent/meta/resources/resources.info");
        Eventually.await("the agent checkpointed its new total", () -> Files.exists(checkpoint));

        AgentSubscribe subscription = agent.restart();

        assertEquals(total, Resources.of(subscription.totalResources()));
    }

    @Test
    void anExecutorThatSubscribesAgainKeepsItsTaskAndItsResentUpdateIsTakenOnce() throws Exception {
        agent.run(checkpointing(), LinkedAgent.task("t1").setExecutor(LinkedAgent.executor("e1")));
        agent.executorEnvironment("e1");
        try (HttpTransport transport = HttpTransport.create("recovery-executor", 1);
                HttpClient client = new HttpClient(transport, HttpClientOptions.defaults())) {
            TaskStatus running;
            try (ExecutorSession before = ExecutorSession.subscribe(client, agent.port(), Http.JSON,
                    LinkedAgent.FRAMEWORK_ID, "e1")) {
                before.subscribed();
                before.next(Event.Type.LAUNCH);
                running = before.update(LinkedAgent.taskId("t1"), TaskState.TASK_RUNNING);
                assertEquals(running.getUuid(), agent.nextUpdate("t1").status().getUuid());
            }

            AgentSubscribe subscription = agent.restart("--executor_reregistration_timeout=1mins");
            assertEquals(List.of("e1"), subscription.executors().stream()
                    .map(executor -> executor.getExecutorId().getValue()).toList());

            try (ExecutorSession after = ExecutorSession.resubscribe(client, agent.port(), Http.JSON,
                    LinkedAgent.FRAMEWORK_ID, "e1", List.of(running))) {
                after.subscribed();
                assertEquals(running.getUuid(), after.next(Event.Type.ACKNOWLEDGED).getAcknowledged().getUuid(),
                        "the resent update is acknowledged to the executor");
                // The agent resends its own unacknowledged copy once registered; the executor's is a duplicate.
                AgentCall.Update resent = agent.master().next(AgentCall.Update.class,
                        update -> update.status().getUuid().equals(running.getUuid()));
                agent.acknowledge(resent.status());
                TaskStatus finished = after.update(LinkedAgent.taskId("t1"), TaskState.TASK_FINISHED);
                assertEquals(finished.getUuid(), agent.nextUpdate("t1").status().getUuid(),
                        "the next update follows: the resent one did not queue a second RUNNING");
            }
        }
    }

    @Test
    void anExecutorThatDoesNotSubscribeAgainInTimeIsKilledAndItsTasksFail() throws Exception {
        agent.run(checkpointing(), LinkedAgent.task("t1").setExecutor(LinkedAgent.executor("e1")));
        agent.executorEnvironment("e1");
        long pid = ProcessHandle.allProcesses().filter(process -> process.info().arguments()
                .map(arguments -> String.join(" ", arguments).contains("mkfifo control")).orElse(false))
                .findFirst().orElseThrow().pid();

        agent.restart("--executor_reregistration_timeout=200ms");

        TaskStatus failed = agent.acknowledgeStates("t1", TaskState.TASK_FAILED);
        assertEquals(TaskStatus.Reason.REASON_EXECUTOR_REREGISTRATION_TIMEOUT, failed.getReason());
        assertEquals("Executor did not reregister within 200ms", failed.getMessage());
        Eventually.await("the executor was killed", () -> !isAlive(pid));
    }
}
