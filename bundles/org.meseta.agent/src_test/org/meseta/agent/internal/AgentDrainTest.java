package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.framework;
import static org.meseta.agent.internal.LinkedAgent.gracePeriod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.mesos.v1.Protos.DrainConfig;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.testing.Eventually;

/** The master's DRAIN and SHUTDOWN on the agent link, carried out on real processes. */
class AgentDrainTest {

    /**
     * The shell notes SIGTERM and goes on, so only SIGKILL at the end of the grace period ends it; {@code ready} says
     * the trap is set.
     */
    private static final String IGNORES_TERM = "trap 'touch got-term' TERM; touch ready; while :; do sleep 1; done";

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
    void aDrainKillsEveryTaskWithItsGracePeriodCappedByTheDrainsMaximum() throws Exception {
        // An hour of grace for one, none (the default three seconds) for the other: the drain allows 200 ms.
        agent.run(framework(), commandTask("patient", IGNORES_TERM).setKillPolicy(gracePeriod(Duration.ofHours(1))));
        agent.run(framework(), commandTask("plain", IGNORES_TERM));
        agent.acknowledgeStates("patient", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        agent.acknowledgeStates("plain", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        for (String task : new String[] {"patient", "plain"}) {
            Eventually.await(task + " set its trap", () -> Files.exists(agent.sandbox(task).resolve("ready")));
        }

        agent.master().send(new AgentEvent.Drain(DrainConfig.newBuilder().setMarkGone(false).setMaxGracePeriod(
                DurationInfo.newBuilder().setNanoseconds(Duration.ofMillis(200).toNanos())).build()));

        for (String task : new String[] {"patient", "plain"}) {
            TaskStatus killed = agent.acknowledgeStates(task, TaskState.TASK_KILLED);
            assertEquals("Command terminated with signal Killed", killed.getMessage(), "SIGKILL after 200 ms");
            assertTrue(Files.exists(agent.sandbox(task).resolve("got-term")), "SIGTERM came first");
        }
    }

    @Test
    void aShutdownFromTheMasterShutsEveryFrameworkDown() throws Exception {
        agent.run(framework(), commandTask("t1", "sleep 1000"));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

        agent.master().send(new AgentEvent.Shutdown("Agent has been marked gone"));

        Eventually.await("the framework is completed on the agent", () -> agent.state().get("frameworks")
                instanceof java.util.List<?> frameworks && frameworks.isEmpty());
    }
}
