package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.framework;
import static org.meseta.agent.internal.LinkedAgent.gracePeriod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which grace period a command task gets between SIGTERM and SIGKILL: the task's kill policy, a kill's own, a later
 * shorter kill, and a shutdown's (the executor shutdown grace period, 2 s here, less 2 s). Every task ignores SIGTERM
 * and leaves a child that ignores it too, so only SIGKILL of the whole session ends them; no wait here is long enough
 * for the hour-long grace periods the tasks ask for.
 */
class KillPolicyTest {

    /** The shell and its background child ignore SIGTERM; the child's pid goes to {@code child.pid}. */
    private static final String STUBBORN = "trap '' TERM; sleep 1000 & echo $! > child.pid; wait";

    @TempDir
    Path workDir;

    private LinkedAgent agent;

    @BeforeEach
    void start() throws Exception {
        agent = LinkedAgent.start(workDir, "--executor_shutdown_grace_period=2secs");
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    /** Runs a {@link #STUBBORN} task with {@code grace} as its kill policy; returns its child's pid once it runs. */
    private long runStubborn(Duration grace) throws Exception {
        agent.run(framework(), commandTask("t1", STUBBORN).setKillPolicy(gracePeriod(grace)));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        Path childPid = agent.sandbox("t1").resolve("child.pid");
        Eventually.await("the task started its child", () -> Files.exists(childPid)
                && !Files.readString(childPid).isBlank());
        return Long.parseLong(Files.readString(childPid).strip());
    }

    /** The task ends KILLED by SIGKILL and its child is gone too. */
    private void killedWithItsChild(long child) throws Exception {
        TaskStatus killed = agent.acknowledgeStates("t1", TaskState.TASK_KILLED);
        assertEquals("Command terminated with signal Killed", killed.getMessage());
        Eventually.await("the child that ignored SIGTERM is gone", () -> !CommandTaskTest.isAlive(child));
    }

    @Test
    void aKillWithoutPolicyUsesTheTasksOwnGracePeriod() throws Exception {
        long child = runStubborn(Duration.ofMillis(100));

        agent.kill("t1", Optional.empty());

        killedWithItsChild(child);
    }

    @Test
    void aLaterKillWithAShorterGracePeriodEscalatesSooner() throws Exception {
        long child = runStubborn(Duration.ofHours(1));
        agent.kill("t1", Optional.empty());
        // No update comes while the hour runs: the second kill is what ends the task.
        agent.kill("t1", Optional.of(gracePeriod(Duration.ofHours(2))));
        agent.kill("t1", Optional.of(gracePeriod(Duration.ZERO)));

        killedWithItsChild(child);
    }

    @Test
    void aShutdownKillsWithTheShutdownGracePeriodLessTwoSecondsWhateverTheTasksPolicy() throws Exception {
        long child = runStubborn(Duration.ofHours(1));

        agent.shutdownExecutor("t1");

        killedWithItsChild(child);
    }
}
