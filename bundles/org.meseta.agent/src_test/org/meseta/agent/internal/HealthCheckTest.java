package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.framework;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;
import org.apache.mesos.v1.Protos.HealthCheck;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health checks of command tasks, with real processes and real sockets: reports as TASK_RUNNING updates, the grace
 * period, recovery, and the kill of a task that stays unhealthy. Checks start at once and repeat every 100 ms.
 */
class HealthCheckTest {

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

    /** A check of {@code type} with Mesos's fields shortened for tests: no delay, 100 ms interval, 2 failures. */
    private static HealthCheck.Builder check(HealthCheck.Type type) {
        return HealthCheck.newBuilder().setType(type).setDelaySeconds(0).setIntervalSeconds(0.1)
                .setTimeoutSeconds(5).setGracePeriodSeconds(0).setConsecutiveFailures(2);
    }

    /** Takes and acknowledges the task's next update, which must be a health report saying {@code healthy}. */
    private TaskStatus healthReport(String taskId, boolean healthy) throws InterruptedException {
        TaskStatus status = agent.acknowledgeStates(taskId, TaskState.TASK_RUNNING);
        assertEquals(TaskStatus.Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED, status.getReason(), status.toString());
        assertTrue(status.hasHealthy(), status.toString());
        assertEquals(healthy, status.getHealthy(), status.toString());
        assertEquals(TaskStatus.Source.SOURCE_EXECUTOR, status.getSource());
        return status;
    }

    /** After two failed checks in a row the task is killed: KILLING (the framework can take it), then KILLED. */
    private void unhealthyTwiceThenKilled(String taskId) throws InterruptedException {
        healthReport(taskId, false);
        healthReport(taskId, false);
        TaskStatus killed = agent.acknowledgeStates(taskId, TaskState.TASK_KILLING, TaskState.TASK_KILLED);
        assertTrue(killed.hasHealthy() && !killed.getHealthy(), "a task killed as unhealthy ends unhealthy");
    }

    @Test
    void aCommandCheckIsHealthyWhileItsFileExistsAndAfterItIsGoneTheTaskIsKilledUnhealthy() throws Exception {
        // The grace period covers the checks that run before the task created its file.
        agent.run(framework(Capability.Type.TASK_KILLING_STATE), commandTask("t1", "touch healthy; sleep 1000")
                .setHealthCheck(check(HealthCheck.Type.COMMAND).setGracePeriodSeconds(60)
                        .setCommand(CommandInfo.newBuilder().setValue("test -f healthy"))));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

        healthReport("t1", true);
        Files.delete(agent.sandbox("t1").resolve("healthy"));

        unhealthyTwiceThenKilled("t1");
    }

    @Test
    void aCommandCheckRunsInTheSandboxWithTheTasksEnvironmentAndItsOwn() throws Exception {
        agent.run(framework(), commandTask("t1", "sleep 1000").setHealthCheck(check(HealthCheck.Type.COMMAND)
                .setCommand(CommandInfo.newBuilder().setValue("echo $MESOS_TASK_ID $CHECK > check.txt")
                        .setEnvironment(Environment.newBuilder().addVariables(
                                Environment.Variable.newBuilder().setName("CHECK")
                                        .setValue("on"))))));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

        healthReport("t1", true);

        assertEquals("t1 on\n", Files.readString(agent.sandbox("t1").resolve("check.txt")));
    }

    @Test
    void anHttpCheckIsHealthyOn2xxAndTheTaskIsKilledAfterConsecutiveErrors() throws Exception {
        try (CheckTarget target = CheckTarget.start()) {
            agent.run(framework(Capability.Type.TASK_KILLING_STATE), commandTask("t1", "sleep 1000")
                    .setHealthCheck(check(HealthCheck.Type.HTTP).setHttp(HealthCheck.HTTPCheckInfo.newBuilder()
                            .setPort(target.port()).setPath("/health"))));
            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

            healthReport("t1", true);
            target.answer(503);

            unhealthyTwiceThenKilled("t1");
            assertTrue(target.requests().getFirst().startsWith("GET /health HTTP/1.1"), target.requests().toString());
        }
    }

    @Test
    void aTcpCheckIsHealthyWhileThePortAcceptsAndTheTaskIsKilledOnceItRefuses() throws Exception {
        CheckTarget target = CheckTarget.start();
        agent.run(framework(Capability.Type.TASK_KILLING_STATE), commandTask("t1", "sleep 1000")
                .setHealthCheck(check(HealthCheck.Type.TCP).setTcp(HealthCheck.TCPCheckInfo.newBuilder()
                        .setPort(target.port()))));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

        healthReport("t1", true);
        target.close();

        unhealthyTwiceThenKilled("t1");
    }

    @Test
    void aTaskThatRecoversIsReportedHealthyAgainAndKeepsRunning() throws Exception {
        try (CheckTarget target = CheckTarget.start()) {
            agent.run(framework(), commandTask("t1", "sleep 1000").setHealthCheck(check(HealthCheck.Type.HTTP)
                    .setConsecutiveFailures(1000).setHttp(HealthCheck.HTTPCheckInfo.newBuilder()
                            .setPort(target.port()))));
            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
            healthReport("t1", true);

            target.answer(500);
            healthReport("t1", false);
            target.answer(302);
            // Failures already under way may be reported before the first success after them.
            TaskStatus status;
            do {
                status = agent.acknowledgeStates("t1", TaskState.TASK_RUNNING);
            } while (!status.getHealthy());

            agent.kill("t1", Optional.empty());
            TaskStatus killed = agent.acknowledgeStates("t1", TaskState.TASK_KILLED);
            assertFalse(killed.hasHealthy(), "a task killed by its framework says nothing of its health");
        }
    }

    @Test
    void failuresBeforeTheFirstSuccessWithinTheGracePeriodAreNotReported() throws Exception {
        try (CheckTarget target = CheckTarget.start()) {
            target.answer(503);
            agent.run(framework(), commandTask("t1", "sleep 1000").setHealthCheck(check(HealthCheck.Type.HTTP)
                    .setGracePeriodSeconds(60).setHttp(HealthCheck.HTTPCheckInfo.newBuilder()
                            .setPort(target.port()))));
            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
            Eventually.await("a few checks failed", () -> target.requests().size() >= 3);

            target.answer(200);

            healthReport("t1", true);
        }
    }
}
