package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.tests.v1client.Calls;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;

/**
 * The agent killed with SIGKILL under a running workload and started again on its work_dir, as Mesos's slave recovery
 * tests do it: the task of a checkpointing framework keeps running (same process) and is still the agent's, a task
 * that ended while the agent was down reports its real end, and the task of a framework that does not checkpoint is
 * killed.
 */
class AgentRecoveryProcessTest {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    void tasksOfACheckpointingFrameworkSurviveAnAgentKilledWithSigkill() throws Exception {
        int masterPort = Cluster.freePort();
        String master = "127.0.0.1:" + masterPort;
        int agentPort = Cluster.freePort();
        String[] agentArgs = {"--master=" + master, "--ip=127.0.0.1", "--port=" + agentPort,
            "--work_dir=" + workDir.resolve("agent"), "--resources=cpus:2;mem:1024;disk:1024",
            "--registration_backoff_factor=100ms"};
        Path go = workDir.resolve("go");
        try (MesetaProcess masterProcess = MesetaProcess.start("recovery-master", "daemons/bin/meseta-master",
                "--ip=127.0.0.1", "--port=" + masterPort, "--work_dir=" + workDir.resolve("master"));
                Workload workload = new Workload(workDir)) {
            MesetaProcess firstAgent = MesetaProcess.start("recovery-agent-1", "daemons/bin/meseta-agent", agentArgs);
            Cluster.awaitState(master, START, "the agent active", s -> Cluster.activeAgents(s) == 1);
            FrameworkInfo info = SchedulerClient.framework("checkpointing").toBuilder().setCheckpoint(true).build();
            try (SchedulerClient framework = SchedulerClient.subscribe(master, Wire.PROTOBUF, info);
                    SchedulerClient forgetful = SchedulerClient.subscribe(master, Wire.JSON,
                            SchedulerClient.framework("not-checkpointing"))) {
                Workload.launch(framework, "sleeper", workload.sleeper("sleeper"),
                        "ender", "while [ ! -e " + go + " ]; do sleep 0.1; done; exit 3");
                Workload.awaitStates(framework, Map.of("sleeper", TaskState.TASK_RUNNING,
                        "ender", TaskState.TASK_RUNNING), true);
                Workload.launch(forgetful, "lost", workload.sleeper("lost"));
                Workload.awaitStates(forgetful, Map.of("lost", TaskState.TASK_RUNNING), true);
                long sleeper = workload.pid("sleeper");
                long lost = workload.pid("lost");

                firstAgent.killVm(Duration.ofSeconds(30));
                Files.createFile(go);
                Cluster.sleep(Duration.ofSeconds(1));
                assertTrue(Workload.isAlive(sleeper), "the task outlived the agent");

                try (MesetaProcess secondAgent = MesetaProcess.start("recovery-agent-2", "daemons/bin/meseta-agent",
                        agentArgs)) {
                    TaskStatus ended = Workload.awaitStates(framework, Map.of("ender", TaskState.TASK_FAILED), true)
                            .get("ender");
                    assertEquals("Command exited with status 3", ended.getMessage());
                    JsonNode state = Cluster.awaitState(master, START, "the agent back",
                            s -> Cluster.activeAgents(s) == 1);
                    assertEquals(1, state.path("slaves").size(), "the same agent: " + state.path("slaves"));
                    assertTrue(Workload.isAlive(sleeper), "the task still runs, in the same process");
                    assertEquals("TASK_RUNNING", Workload.taskState(master, "sleeper"));
                    Cluster.awaitState(master, START, "the non-checkpointing framework's task gone",
                            s -> !Workload.isAlive(lost));

                    framework.accepted(Calls.teardown());
                    Cluster.awaitState(master, START, "the torn-down framework's task killed",
                            s -> !Workload.isAlive(sleeper));
                    assertFalse(secondAgent.stderr().contains("Exception"), secondAgent.stderr());
                }
            } finally {
                firstAgent.close();
            }
        }
    }
}
