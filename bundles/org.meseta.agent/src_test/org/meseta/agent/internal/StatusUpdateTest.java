package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.framework;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.agent.internal.updates.RetryIntervals;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.testing.Eventually;
import org.meseta.testing.JsonTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status update manager seen from the master: only the oldest unacknowledged update of a task is forwarded,
 * again and again with its uuid until the framework acknowledges exactly that uuid, and a task that ended stays on
 * the agent until its last update is acknowledged.
 */
class StatusUpdateTest {

    /** Retries every few dozen milliseconds instead of after 10 s. */
    private static final AgentTimings FAST_RETRIES = new AgentTimings(
            new RetryIntervals(Duration.ofMillis(20), Duration.ofMillis(80)), Duration.ofSeconds(30));

    @TempDir
    Path workDir;

    private LinkedAgent agent;

    @AfterEach
    void stop() {
        agent.close();
    }

    private AgentCall.Update resendOf(TaskStatus status) throws InterruptedException {
        return agent.master().next(AgentCall.Update.class, call -> call.status().getUuid().equals(status.getUuid()));
    }

    @Test
    void theOldestUpdateIsSentAgainUntilItsUuidIsAcknowledgedAndOnlyThenTheNextGoesOut() throws Exception {
        agent = LinkedAgent.start(workDir, FAST_RETRIES);
        agent.run(framework(), commandTask("t1", "true"));
        TaskStatus starting = agent.nextUpdate("t1").status();

        // Once a resend says the task already finished, RUNNING and FINISHED are waiting behind STARTING.
        AgentCall.Update resent = agent.master().next(AgentCall.Update.class,
                call -> call.status().getUuid().equals(starting.getUuid())
                        && call.latestState() == TaskState.TASK_FINISHED);
        assertEquals(starting, resent.status());
        agent.acknowledge(starting.toBuilder().setUuid(ByteString.copyFrom(new byte[16])).build());
        resendOf(starting);
        resendOf(starting);
        List<TaskState> sent = agent.master().pending(AgentCall.Update.class).stream()
                .map(update -> update.status().getState()).distinct().toList();
        assertTrue(List.of(TaskState.TASK_STARTING).containsAll(sent), "forwarded so far: " + sent);

        agent.acknowledge(starting);

        agent.acknowledgeStates("t1", TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);
    }

    @Test
    void aTaskThatEndedStaysUntilItsLastUpdateIsAcknowledged() throws Exception {
        agent = LinkedAgent.start(workDir);
        agent.run(framework(), commandTask("t1", "true"));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        TaskStatus finished = agent.nextUpdate("t1").status();

        Map<String, Object> executor = JsonTree.objects(JsonTree.objects(agent.state(), "frameworks").get(0),
                "executors").get(0);
        assertEquals(List.of(), JsonTree.array(executor, "tasks"));
        assertEquals("TASK_FINISHED", JsonTree.string(JsonTree.objects(executor, "completed_tasks").get(0), "state"));

        agent.acknowledge(finished);

        Eventually.await("the framework is completed", () -> JsonTree.array(agent.state(), "frameworks").isEmpty());
        Map<String, Object> completed = JsonTree.objects(JsonTree.objects(agent.state(), "completed_frameworks")
                .get(0), "completed_executors").get(0);
        assertEquals("t1", JsonTree.string(JsonTree.objects(completed, "completed_tasks").get(0), "id"));
    }
}
