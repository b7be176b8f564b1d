package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
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
                "--ip=127.0.0.1", "--port=" + masterPort, "--work_dir=" + workDir.resolve("master"))) {
            MesetaProcess firstAgent = MesetaProcess.start("recovery-agent-1", "daemons/bin/meseta-agent", agentArgs);
            Cluster.awaitState(master, START, "the agent active", s -> Cluster.activeAgents(s) == 1);
            FrameworkInfo info = SchedulerClient.framework("checkpointing").toBuilder().setCheckpoint(true).build();
            try (SchedulerClient framework = SchedulerClient.subscribe(master, Wire.PROTOBUF, info);
                    SchedulerClient forgetful = SchedulerClient.subscribe(master, Wire.JSON,
                            SchedulerClient.framework("not-checkpointing"))) {
                Map<String, TaskState> states = new ConcurrentHashMap<>();
                launch(framework, "sleeper", "echo $$ > " + workDir.resolve("sleeper.pid") + "; exec sleep 600",
                        "ender", "while [ ! -e " + go + " ]; do sleep 0.1; done; exit 3");
                awaitStates(framework, states, Map.of("sleeper", TaskState.TASK_RUNNING,
                        "ender", TaskState.TASK_RUNNING));
                launch(forgetful, "lost", "echo $$ > " + workDir.resolve("lost.pid") + "; exec sleep 600");
                awaitStates(forgetful, new ConcurrentHashMap<>(), Map.of("lost", TaskState.TASK_RUNNING));
                long sleeper = pid(master, workDir.resolve("sleeper.pid"));
                long lost = pid(master, workDir.resolve("lost.pid"));

                firstAgent.killVm(Duration.ofSeconds(30));
                Files.createFile(go);
                Cluster.sleep(Duration.ofSeconds(1));
                assertTrue(isAlive(sleeper), "the task outlived the agent");

                try (MesetaProcess secondAgent = MesetaProcess.start("recovery-agent-2", "daemons/bin/meseta-agent",
                        agentArgs)) {
                    TaskStatus ended = awaitStates(framework, states, Map.of("ender", TaskState.TASK_FAILED));
                    assertEquals("Command exited with status 3", ended.getMessage());
                    JsonNode state = Cluster.awaitState(master, START, "the agent back",
                            s -> Cluster.activeAgents(s) == 1);
                    assertEquals(1, state.path("slaves").size(), "the same agent: " + state.path("slaves"));
                    assertTrue(isAlive(sleeper), "the task still runs, in the same process");
                    assertEquals("TASK_RUNNING", taskState(master, "sleeper"));
                    Cluster.awaitState(master, START, "the non-checkpointing framework's task gone",
                            s -> !isAlive(lost));

                    framework.accepted(Calls.teardown());
                    Cluster.awaitState(master, START, "the torn-down framework's task killed",
                            s -> !isAlive(sleeper));
                    assertFalse(secondAgent.stderr().contains("Exception"), secondAgent.stderr());
                }
            } finally {
                firstAgent.close();
            }
        }
    }

    private static void launch(SchedulerClient framework, String... idsAndCommands) throws Exception {
        Offer offer = framework.await(Event.Type.OFFERS).getOffers().getOffers(0);
        TaskInfo[] tasks = new TaskInfo[idsAndCommands.length / 2];
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = Calls.commandTask(idsAndCommands[2 * i], offer, idsAndCommands[2 * i + 1], 0.1, 32).build();
        }
        var call = Calls.launch(offer, tasks);
        call.getAcceptBuilder().getFiltersBuilder().setRefuseSeconds(3600);
        framework.accepted(call);
    }

    /** Acknowledges updates until each task in {@code wanted} reached its state; returns the last update. */
    private static TaskStatus awaitStates(SchedulerClient framework, Map<String, TaskState> states,
            Map<String, TaskState> wanted) throws Exception {
        TaskStatus last = null;
        while (!wanted.entrySet().stream().allMatch(entry -> entry.getValue() == states.get(entry.getKey()))) {
            last = framework.awaitUpdate();
            states.put(last.getTaskId().getValue(), last.getState());
            if (last.hasUuid()) {
                framework.acknowledge(last);
            }
        }
        return last;
    }

    /** The pid a task wrote to {@code file}, polling the master meanwhile. */
    private static long pid(String master, Path file) {
        Cluster.awaitState(master, START, "pid file " + file, s -> Files.exists(file));
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String taskState(String master, String taskId) {
        JsonNode tasks = Cluster.getJson(master, "/master/tasks").orElseThrow().path("tasks");
        for (JsonNode task : tasks) {
            if (task.path("id").asText().equals(taskId)) {
                return task.path("state").asText();
            }
        }
        return "none";
    }
}
