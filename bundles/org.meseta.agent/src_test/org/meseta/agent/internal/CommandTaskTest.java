package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.framework;
import static org.meseta.agent.internal.LinkedAgent.gracePeriod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.testing.Eventually;
import org.meseta.testing.JsonTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command tasks run by the agent's command executor as real processes, from launch to their last update. */
class CommandTaskTest {

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

    @Test
    void aCommandThatExitsWithZeroIsStartingThenRunningThenFinished() throws Exception {
        agent.run(framework(), commandTask("t1", "echo hello"));

        AgentCall.Update update = agent.nextUpdate("t1");
        TaskStatus starting = update.status();
        agent.acknowledge(starting);
        TaskStatus finished = agent.acknowledgeStates("t1", TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);

        assertEquals(TaskState.TASK_STARTING, starting.getState());
        assertEquals(LinkedAgent.frameworkId(), update.frameworkId());
        assertEquals(TaskStatus.Source.SOURCE_EXECUTOR, starting.getSource());
        assertEquals("t1", starting.getExecutorId().getValue(), "a command task's executor has the task's id");
        assertEquals(FakeLinkMaster.AGENT_ID, starting.getAgentId().getValue());
        assertEquals(16, starting.getUuid().size());
        assertEquals("Command exited with status 0", finished.getMessage());
        assertEquals("hello\n", Files.readString(agent.sandbox("t1").resolve("stdout")));
    }

    @Test
    void aCommandThatExitsWithAnotherStatusFailsSayingWhich() throws Exception {
        agent.run(framework(), commandTask("t1", "echo oops >&2; exit 3"));

        TaskStatus failed = agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING,
                TaskState.TASK_FAILED);

        assertEquals("Command exited with status 3", failed.getMessage());
        assertEquals("oops\n", Files.readString(agent.sandbox("t1").resolve("stderr")));
    }

    @Test
    void aCommandWithoutShellRunsItsValueWithTheArgumentsAfterArgvZero() throws Exception {
        agent.run(framework(), LinkedAgent.task("t1").setCommand(CommandInfo.newBuilder().setShell(false)
                .setValue("/bin/echo").addArguments("echo").addArguments("no shell").addArguments("$HOME")));

        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);

        assertEquals("no shell $HOME\n", Files.readString(agent.sandbox("t1").resolve("stdout")));
    }

    @Test
    void aShellCommandsErrorsAreThoseTheShellGivesForItAlone() throws Exception {
        String script = "echo before\nfi";
        Process alone = new ProcessBuilder("/bin/sh", "-c", script).start();
        String aloneErrors = new String(alone.getErrorStream().readAllBytes());
        assertEquals(2, alone.waitFor());

        agent.run(framework(), commandTask("t1", script));
        TaskStatus failed = agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING,
                TaskState.TASK_FAILED);

        assertEquals("Command exited with status 2", failed.getMessage());
        assertEquals(aloneErrors, Files.readString(agent.sandbox("t1").resolve("stderr")),
                "the shell that waited for the task's start runs its script: same line numbers, same name");
        assertEquals("before\n", Files.readString(agent.sandbox("t1").resolve("stdout")));
    }

    @Test
    void anEndedTaskLeavesNothingOfItsExecutorInTheCheckpointButItsSandbox() throws Exception {
        for (FrameworkInfo framework : List.of(framework(), framework().toBuilder().setCheckpoint(true).build())) {
            agent.run(framework, commandTask("t-" + framework.getCheckpoint(), "true"));
            agent.acknowledgeStates("t-" + framework.getCheckpoint(), TaskState.TASK_STARTING,
                    TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);
        }

        Path executors = workDir.resolve("agent/meta/slaves/" + FakeLinkMaster.AGENT_ID + "/frameworks/"
                + LinkedAgent.FRAMEWORK_ID + "/executors");
        Eventually.await("no executor left in " + executors, () -> !Files.exists(executors.resolve("t-false"))
                && !Files.exists(executors.resolve("t-true")));
        assertTrue(Files.isDirectory(agent.sandbox("t-false")));
        assertTrue(Files.isDirectory(agent.sandbox("t-true")));
    }

    @Test
    void aTaskRunsInItsSandboxWithMesossEnvironmentAndItsOwn() throws Exception {
        agent.run(framework(), commandTask("t1", "env > task.env; pwd > pwd.txt").setCommand(CommandInfo
                .newBuilder().setValue("env > task.env; pwd > pwd.txt").setEnvironment(Environment.newBuilder()
                        .addVariables(Environment.Variable.newBuilder().setName("GREETING").setValue("hi")))));

        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);

        Path sandbox = agent.sandbox("t1").toRealPath();
        Map<String, String> env = LinkedAgent.environment(sandbox.resolve("task.env"));
        assertEquals(sandbox.getParent(), workDir.resolve("agent/slaves/" + FakeLinkMaster.AGENT_ID
                + "/frameworks/" + LinkedAgent.FRAMEWORK_ID + "/executors/t1/runs").toRealPath());
        assertEquals(sandbox.toString(), Files.readString(sandbox.resolve("pwd.txt")).strip());
        assertEquals(sandbox.toString(), env.get("MESOS_SANDBOX"));
        assertEquals(sandbox.toString(), env.get("MESOS_DIRECTORY"));
        assertEquals(LinkedAgent.FRAMEWORK_ID, env.get("MESOS_FRAMEWORK_ID"));
        assertEquals("t1", env.get("MESOS_EXECUTOR_ID"));
        assertEquals(FakeLinkMaster.AGENT_ID, env.get("MESOS_SLAVE_ID"));
        assertEquals("127.0.0.1:" + agent.port(), env.get("MESOS_AGENT_ENDPOINT"));
        assertEquals("slave(1)@127.0.0.1:" + agent.port(), env.get("MESOS_SLAVE_PID"));
        assertEquals("0", env.get("MESOS_CHECKPOINT"));
        assertEquals("*", env.get("MESOS_ALLOCATION_ROLE"));
        assertEquals("hi", env.get("GREETING"));
    }

    @Test
    void aKillSendsKillingThenTermsEveryProcessAndKillsThemWhenTheKillsGracePeriodIsOver() throws Exception {
        // The shell notes SIGTERM (with a builtin: no program to start within the grace period on a busy machine)
        // and goes on; its background child ignores SIGTERM altogether.
        agent.run(framework(Capability.Type.TASK_KILLING_STATE), commandTask("t1",
                "trap 'echo > got-term' TERM; (trap '' TERM; exec sleep 1000) & echo $! > child.pid;"
                        + " while :; do wait; done").setKillPolicy(gracePeriod(Duration.ofHours(1))));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        Path childPid = agent.sandbox("t1").resolve("child.pid");
        Eventually.await("the task started its child", () -> Files.exists(childPid)
                && !Files.readString(childPid).isBlank());
        long child = Long.parseLong(Files.readString(childPid).strip());

        // The kill's policy wins over the task's hour.
        agent.kill("t1", Optional.of(gracePeriod(Duration.ofMillis(500))));

        TaskStatus killed = agent.acknowledgeStates("t1", TaskState.TASK_KILLING, TaskState.TASK_KILLED);
        assertEquals("Command terminated with signal Killed", killed.getMessage());
        assertTrue(Files.exists(agent.sandbox("t1").resolve("got-term")), "SIGTERM came first");
        Eventually.await("the child that ignored SIGTERM is gone", () -> !isAlive(child));
    }

    @Test
    void withoutTheKillingCapabilityAKillTermsTheTaskWhichEndsKilled() throws Exception {
        agent.run(framework(), commandTask("t1", "sleep 1000"));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

        agent.kill("t1", Optional.empty());

        TaskStatus killed = agent.acknowledgeStates("t1", TaskState.TASK_KILLED);
        assertEquals("Command terminated with signal Terminated", killed.getMessage());
    }

    @Test
    void whatATaskStartsInTheBackgroundDoesNotOutliveIt() throws Exception {
        agent.run(framework(), commandTask("t1", "sleep 1000 & echo $! > child.pid"));

        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);

        long child = Long.parseLong(Files.readString(agent.sandbox("t1").resolve("child.pid")).strip());
        Eventually.await("the background child is gone", () -> !isAlive(child));
    }

    @Test
    void killingATaskTheAgentDoesNotKnowAnswersLostOrDroppedForPartitionAwareFrameworks() throws Exception {
        agent.run(framework(), commandTask("t1", "sleep 1000"));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

        agent.kill("ghost-1", Optional.empty());
        TaskStatus lost = agent.nextUpdate("ghost-1").status();
        agent.run(framework(Capability.Type.PARTITION_AWARE), commandTask("t2", "sleep 1000"));
        agent.acknowledgeStates("t2", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        agent.kill("ghost-2", Optional.empty());
        TaskStatus dropped = agent.nextUpdate("ghost-2").status();

        assertEquals(TaskState.TASK_LOST, lost.getState());
        assertEquals(TaskStatus.Source.SOURCE_AGENT, lost.getSource());
        assertEquals(TaskStatus.Reason.REASON_EXECUTOR_TERMINATED, lost.getReason());
        assertEquals(TaskState.TASK_DROPPED, dropped.getState());
    }

    @Test
    void aTaskWithNeitherCommandNorExecutorIsAnError() throws Exception {
        agent.run(framework(), LinkedAgent.task("t1"));

        TaskStatus error = agent.nextUpdate("t1").status();

        assertEquals(TaskState.TASK_ERROR, error.getState());
        assertEquals(TaskStatus.Reason.REASON_TASK_INVALID, error.getReason());
    }

    @Test
    void aTaskOfAUserThisMachineDoesNotHaveFails() throws Exception {
        agent.run(framework("no-such-user-meseta"), commandTask("t1", "true"));

        TaskStatus failed = agent.nextUpdate("t1").status();

        assertEquals(TaskState.TASK_FAILED, failed.getState());
        assertEquals(TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED, failed.getReason());
        assertTrue(failed.getMessage().startsWith("Failed to launch container: Failed to switch to user"
                + " 'no-such-user-meseta': "), failed.getMessage());
    }

    @Test
    void aRootAgentRunsTheTaskAsTheFrameworksUserInASandboxOfTheirs() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "switching users needs root");
        agent.run(framework("nobody"), commandTask("t1", "id -un > user.txt"));

        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);

        assertEquals("nobody", Files.readString(agent.sandbox("t1").resolve("user.txt")).strip());
        assertEquals("nobody", Files.getOwner(agent.sandbox("t1").resolve("stdout")).getName());
    }

    @Test
    void urisAreFetchedIntoTheSandboxBeforeTheCommandStarts() throws Exception {
        Path tool = Files.writeString(workDir.resolve("tool.sh"), "#!/bin/sh\necho tool ran\n");
        agent.run(framework(), commandTask("t1", "./tool.sh").setCommand(CommandInfo.newBuilder()
                .setValue("./tool.sh").addUris(CommandInfo.URI.newBuilder().setValue(tool.toString())
                        .setExecutable(true))));

        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);

        assertEquals("tool ran\n", Files.readString(agent.sandbox("t1").resolve("stdout")));
    }

    @Test
    void aUriThatCannotBeFetchedFailsTheTaskBeforeItStarts() throws Exception {
        agent.run(framework(), commandTask("t1", "true").setCommand(CommandInfo.newBuilder().setValue("true")
                .addUris(CommandInfo.URI.newBuilder().setValue("/no/such/file"))));

        TaskStatus failed = agent.nextUpdate("t1").status();

        assertEquals(TaskState.TASK_FAILED, failed.getState());
        assertEquals(TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED, failed.getReason());
        assertEquals("Failed to launch container: Failed to fetch '/no/such/file': no such file: /no/such/file",
                failed.getMessage());
    }

    @Test
    void shuttingAFrameworkDownKillsAllItsTasksAndCompletesItWithoutWaitingForAcknowledgements() throws Exception {
        agent.run(framework(), commandTask("t1", "sleep 1000"));
        agent.run(framework(), commandTask("t2", "sleep 1000"));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        agent.acknowledgeStates("t2", TaskState.TASK_STARTING);
        agent.nextUpdate("t2"); // TASK_RUNNING, never acknowledged: the framework is gone

        agent.master().send(new AgentEvent.ShutdownFramework(LinkedAgent.frameworkId()));

        // As in Mesos: a terminating framework's updates are not sent, since nobody would acknowledge them.
        Eventually.await("the framework is completed", () -> JsonTree.objects(agent.state(),
                "completed_frameworks").stream().anyMatch(framework -> LinkedAgent.FRAMEWORK_ID.equals(
                        framework.get("id"))));
        Map<String, Object> completed = JsonTree.objects(agent.state(), "completed_frameworks").get(0);
        for (Map<String, Object> executor : JsonTree.objects(completed, "completed_executors")) {
            assertEquals("TASK_KILLED", JsonTree.objects(executor, "completed_tasks").get(0).get("state"));
        }
        assertTrue(JsonTree.objects(agent.state(), "frameworks").isEmpty());
    }

    /** Whether the process runs; a zombie waiting for whoever adopted it to reap it does not. */
    static boolean isAlive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
