package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.SLEEPER;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.defaultExecutor;
import static org.meseta.agent.internal.LinkedAgent.framework;
import static org.meseta.agent.internal.LinkedAgent.gracePeriod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;
import org.apache.mesos.v1.Protos.HealthCheck;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.testing.Eventually;
import org.meseta.testing.JsonTree;

/**
 * Task groups run by the agent's default executor as real processes, as in Mesos's default executor tests: the tasks
 * of a group share the executor's container with sandboxes of their own, one that fails or is killed takes its group
 * with it, a shutdown kills every task, and the executor ends once no task is left.
 */
class DefaultExecutorTest {

    private static final String EXECUTOR = "default";
    /** Saves its pid and environment, waits for the file {@code go} in its sandbox and exits with the status in it. */
    private static final String WAITER = "echo $$ > task.pid; env > task.env; pwd > pwd.txt;"
            + " while [ ! -e go ]; do sleep 0.05; done; exit $(cat go)";

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

    private Path taskSandbox(String taskId) {
        return agent.taskSandbox(EXECUTOR, taskId);
    }

    /** Lets a {@link #WAITER} task end with {@code status}. */
    private void release(String taskId, int status) throws IOException {
        Path next = taskSandbox(taskId).resolve("go.new");
        Files.writeString(next, Integer.toString(status));
        Files.move(next, taskSandbox(taskId).resolve("go"), StandardCopyOption.ATOMIC_MOVE);
    }

    private long taskPid(String taskId) throws Exception {
        return LinkedAgent.awaitPid(taskSandbox(taskId).resolve("task.pid"));
    }

    private static boolean isAlive(long pid) {
        return CommandTaskTest.isAlive(pid);
    }

    /**
     * Runs the tasks as one group under the executor and takes and acknowledges each one's STARTING and RUNNING;
     * returns the RUNNING updates.
     */
    private List<TaskStatus> runningGroup(FrameworkInfo framework, TaskInfo.Builder... tasks)
            throws InterruptedException {
        agent.runGroup(framework, defaultExecutor(EXECUTOR), tasks);
        List<TaskStatus> running = new ArrayList<>();
        for (TaskInfo.Builder task : tasks) {
            running.add(agent.acknowledgeStates(task.getTaskId().getValue(), TaskState.TASK_STARTING,
                    TaskState.TASK_RUNNING));
        }
        return running;
    }

    /**
     * Restarts the agent and acknowledges {@code updates} again: the agent may have stopped before it took their
     * acknowledgements, and then sends them again and holds back the tasks' later updates until they are.
     */
    private AgentSubscribe restartAcknowledging(List<TaskStatus> updates) throws Exception {
        AgentSubscribe subscription = agent.restart();
        updates.forEach(agent::acknowledge);
        return subscription;
    }

    private AgentCall.ExecutorExited executorExited() throws InterruptedException {
        return agent.master().next(AgentCall.ExecutorExited.class,
                call -> call.failure().getExecutorId().getValue().equals(EXECUTOR));
    }

    @Test
    void theTasksOfAGroupRunInSandboxesOfTheirOwnInTheExecutorsContainerAndTheExecutorEndsAfterThem()
            throws Exception {
        agent.runGroup(framework(), defaultExecutor(EXECUTOR), commandTask("a", WAITER), commandTask("b", WAITER));

        TaskStatus startingA = agent.acknowledgeStates("a", TaskState.TASK_STARTING);
        TaskStatus runningA = agent.acknowledgeStates("a", TaskState.TASK_RUNNING);
        TaskStatus runningB = agent.acknowledgeStates("b", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

        assertEquals(TaskStatus.Source.SOURCE_EXECUTOR, startingA.getSource());
        assertEquals(EXECUTOR, startingA.getExecutorId().getValue());
        assertEquals(runningA.getContainerStatus().getContainerId().getParent(),
                runningB.getContainerStatus().getContainerId().getParent(), "one container for the group");
        assertNotEquals(runningA.getContainerStatus().getContainerId(),
                runningB.getContainerStatus().getContainerId(), "each task in a nested container of its own");
        taskPid("a");
        Path sandboxA = taskSandbox("a").toRealPath();
        assertEquals(agent.sandbox(EXECUTOR).toRealPath().resolve("containers")
                .resolve(runningA.getContainerStatus().getContainerId().getValue()), sandboxA);
        Eventually.await("task a saved its environment", () -> Files.exists(sandboxA.resolve("pwd.txt"))
                && !Files.readString(sandboxA.resolve("pwd.txt")).isBlank());
        Map<String, String> env = LinkedAgent.environment(sandboxA.resolve("task.env"));
        assertEquals(sandboxA.toString(), env.get("MESOS_SANDBOX"));
        assertEquals(sandboxA.toString(), Files.readString(sandboxA.resolve("pwd.txt")).strip());
        assertEquals("a", env.get("MESOS_TASK_ID"));
        assertEquals(EXECUTOR, env.get("MESOS_EXECUTOR_ID"));
        assertEquals("127.0.0.1", env.get("MESOS_CONTAINER_IP"));
        Map<String, Object> executor = JsonTree.objects(JsonTree.objects(agent.state(), "frameworks").get(0),
                "executors").get(0);
        assertEquals("DEFAULT", JsonTree.string(executor, "type"));
        assertEquals(2, JsonTree.objects(executor, "tasks").size());

        release("a", 0);
        TaskStatus finishedA = agent.acknowledgeStates("a", TaskState.TASK_FINISHED);
        release("b", 0);
        agent.acknowledgeStates("b", TaskState.TASK_FINISHED);

        assertEquals("Command exited with status 0", finishedA.getMessage());
        assertEquals(0, executorExited().failure().getStatus(), "the executor exits cleanly once no task is left");
    }

    @Test
    void aTaskThatFailsHasTheOtherTasksOfItsGroupKilled() throws Exception {
        runningGroup(framework(), commandTask("a", WAITER), commandTask("b", SLEEPER));
        long b = taskPid("b");
        taskPid("a");

        release("a", 3);

        TaskStatus failed = agent.acknowledgeStates("a", TaskState.TASK_FAILED);
        TaskStatus killed = agent.acknowledgeStates("b", TaskState.TASK_KILLED);
        assertEquals("Command exited with status 3", failed.getMessage());
        assertEquals("Command terminated with signal Terminated", killed.getMessage());
        Eventually.await("the killed task's process is gone", () -> !isAlive(b));
        assertEquals(0, executorExited().failure().getStatus());
    }

    @Test
    void killingOneTaskKillsItsGroupButNotAnotherGroupOfTheSameExecutor() throws Exception {
        FrameworkInfo framework = framework(Capability.Type.TASK_KILLING_STATE);
        agent.runGroup(framework, defaultExecutor(EXECUTOR), commandTask("a", SLEEPER), commandTask("b", SLEEPER));
        TaskStatus runningA = agent.acknowledgeStates("a", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        agent.acknowledgeStates("b", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        agent.runGroup(framework, defaultExecutor(EXECUTOR), commandTask("c", SLEEPER));
        TaskStatus runningC = agent.acknowledgeStates("c", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        assertEquals(runningA.getContainerStatus().getContainerId().getParent(),
                runningC.getContainerStatus().getContainerId().getParent(), "a second group joins the container");
        long c = taskPid("c");

        agent.kill("a", Optional.empty());

        agent.acknowledgeStates("a", TaskState.TASK_KILLING, TaskState.TASK_KILLED);
        agent.acknowledgeStates("b", TaskState.TASK_KILLING, TaskState.TASK_KILLED);
        Eventually.await("the agent records both kills", () -> JsonTree.objects(JsonTree.objects(JsonTree.objects(
                agent.state(), "frameworks").get(0), "executors").get(0), "completed_tasks").size() == 2);
        assertTrue(isAlive(c), "the other group runs on");

        agent.kill("c", Optional.empty());
        agent.acknowledgeStates("c", TaskState.TASK_KILLING, TaskState.TASK_KILLED);
        assertEquals(0, executorExited().failure().getStatus());
    }

    @Test
    void aTaskThatIgnoresSigtermIsKilledWhenItsKillPolicysGracePeriodIsOver() throws Exception {
        agent.runGroup(framework(), defaultExecutor(EXECUTOR), commandTask("a",
                "trap '' TERM; echo $$ > task.pid; while :; do sleep 1; done")
                .setKillPolicy(gracePeriod(Duration.ofMillis(200))));
        agent.acknowledgeStates("a", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        taskPid("a");

        agent.kill("a", Optional.empty());

        TaskStatus killed = agent.acknowledgeStates("a", TaskState.TASK_KILLED);
        assertEquals("Command terminated with signal Killed", killed.getMessage());
    }

    @Test
    void aShutdownKillsEveryTask() throws Exception {
        runningGroup(framework(), commandTask("a", SLEEPER), commandTask("b", SLEEPER));

        agent.shutdownExecutor(EXECUTOR);

        agent.acknowledgeStates("a", TaskState.TASK_KILLED);
        agent.acknowledgeStates("b", TaskState.TASK_KILLED);
        assertEquals(0, executorExited().failure().getStatus());
    }

    @Test
    void aTaskThatCannotStartFailsAndItsGroupIsKilled() throws Exception {
        agent.runGroup(framework(), defaultExecutor(EXECUTOR), commandTask("a", SLEEPER),
                LinkedAgent.task("b").setCommand(CommandInfo.newBuilder().setShell(true)));
        agent.acknowledgeStates("a", TaskState.TASK_STARTING);

        TaskStatus failed = agent.acknowledgeStates("b", TaskState.TASK_STARTING, TaskState.TASK_FAILED);

        assertEquals(TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED, failed.getReason());
        assertEquals("Failed to launch container: The command has no value to run", failed.getMessage());
        assertEquals(TaskState.TASK_KILLED, lastStateOf("a"));
    }

    /** Takes and acknowledges the task's updates up to its terminal one; returns that one's state. */
    private TaskState lastStateOf(String taskId) throws InterruptedException {
        TaskStatus status;
        do {
            status = agent.nextUpdate(taskId).status();
            agent.acknowledge(status);
        } while (!List.of(TaskState.TASK_FINISHED, TaskState.TASK_FAILED, TaskState.TASK_KILLED)
                .contains(status.getState()));
        return status.getState();
    }

    @Test
    void eachTaskIsHealthCheckedInItsOwnSandbox() throws Exception {
        agent.runGroup(framework(), defaultExecutor(EXECUTOR), commandTask("a", "touch healthy; sleep 1000")
                .setHealthCheck(HealthCheck.newBuilder().setType(HealthCheck.Type.COMMAND).setDelaySeconds(0)
                        .setIntervalSeconds(0.1).setTimeoutSeconds(5).setGracePeriodSeconds(60)
                        .setCommand(CommandInfo.newBuilder().setValue("test -f healthy"))));
        agent.acknowledgeStates("a", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

        TaskStatus healthy = agent.acknowledgeStates("a", TaskState.TASK_RUNNING);

        assertEquals(TaskStatus.Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED, healthy.getReason());
        assertTrue(healthy.hasHealthy() && healthy.getHealthy(), healthy.toString());
    }

    @Test
    void killingTheExecutorsProcessFailsItsTasksAndKillsTheirProcesses() throws Exception {
        runningGroup(framework(), commandTask("a", SLEEPER));
        long task = taskPid("a");
        Path runDirectory = agent.sandbox(EXECUTOR).toRealPath();
        ProcessHandle executor = ProcessHandle.allProcesses()
                .filter(process -> runDirectory.equals(cwd(process)) && process.info().arguments()
                        .map(arguments -> String.join(" ", arguments).contains("trap 'exit 0' TERM")).orElse(false))
                .findFirst().orElseThrow();

        executor.destroyForcibly();

        TaskStatus failed = agent.acknowledgeStates("a", TaskState.TASK_FAILED);
        assertEquals(TaskStatus.Reason.REASON_EXECUTOR_TERMINATED, failed.getReason());
        assertEquals(TaskStatus.Source.SOURCE_AGENT, failed.getSource());
        Eventually.await("the task's process died with its executor", () -> !isAlive(task));
        assertNotEquals(0, executorExited().failure().getStatus());
    }

    private static Path cwd(ProcessHandle process) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
        } catch (IOException | UnsupportedOperationException e) {
            return null; // ended, or not ours to read
        }
    }

    private static FrameworkInfo checkpointing() {
        return framework().toBuilder().setCheckpoint(true).build();
    }

    @Test
    void aCheckpointedGroupRunsOnAcrossAnAgentRestartAndIsControlledAfterwards() throws Exception {
        List<TaskStatus> running = runningGroup(checkpointing(), commandTask("a", SLEEPER),
                commandTask("b", SLEEPER));
        long a = taskPid("a");
        long b = taskPid("b");

        AgentSubscribe subscription = restartAcknowledging(running);

        assertTrue(isAlive(a) && isAlive(b), "the tasks outlived the agent");
        assertEquals(List.of("a", "b"), subscription.tasks().stream().map(task -> task.getTaskId().getValue())
                .sorted().toList());
        assertEquals(List.of(EXECUTOR), subscription.executors().stream()
                .map(executor -> executor.getExecutorId().getValue()).toList());
        agent.kill("b", Optional.empty());
        agent.acknowledgeStates("b", TaskState.TASK_KILLED);
        agent.acknowledgeStates("a", TaskState.TASK_KILLED);
        Eventually.await("both processes are gone", () -> !isAlive(a) && !isAlive(b));
        assertEquals(0, executorExited().failure().getStatus());
    }

    @Test
    void aTaskThatEndsWhileTheAgentIsDownReportsHowItEndedAndItsGroupIsKilled() throws Exception {
        List<TaskStatus> running = runningGroup(checkpointing(), commandTask("a", WAITER),
                commandTask("b", SLEEPER));
        long a = taskPid("a");
        taskPid("b");

        agent.stop();
        release("a", 3);
        Eventually.await("task a ended while no agent ran", () -> !isAlive(a));
        restartAcknowledging(running);

        TaskStatus failed = agent.acknowledgeStates("a", TaskState.TASK_FAILED);
        assertEquals("Command exited with status 3", failed.getMessage());
        agent.acknowledgeStates("b", TaskState.TASK_KILLED);
    }

    @Test
    void theTasksOfAFrameworkThatDoesNotCheckpointDieWithTheAgent() throws Exception {
        runningGroup(framework(), commandTask("a", SLEEPER));
        long a = taskPid("a");

        AgentSubscribe subscription = agent.restart();

        assertFalse(isAlive(a));
        assertEquals(List.of(), subscription.tasks());
    }
}
