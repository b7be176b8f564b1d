package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.meseta.tests.v1client.Calls;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;

/**
 * A task group launched through the real master and agent with LAUNCH_GROUP, as Mesos's default executor tests do:
 * both tasks run in the default executor's container, one exits with status 1 and the other is killed with it; the
 * executor then ends cleanly and the framework hears of it.
 */
class TaskGroupTest {

    @TempDir
    static Path workDir;

    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("groups-local", workDir, 1, "--resources=cpus:8;mem:4096;disk:4096");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aTaskThatExitsWithOneHasTheOtherTaskOfItsGroupKilled(Wire wire) throws Exception {
        try (SchedulerClient framework = SchedulerClient.subscribe(cluster.master(), wire,
                SchedulerClient.framework("group-" + wire))) {
            Offer offer = framework.await(Event.Type.OFFERS).getOffers().getOffers(0);
            String executor = "default-" + wire;
            ExecutorInfo info = Calls.defaultExecutor(executor, framework.id(), offer);
            framework.accepted(Calls.launchGroup(offer, info,
                    Calls.commandTask("sleeper", offer, "sleep 600", 0.1, 32).build(),
                    Calls.commandTask("quitter", offer, "while [ ! -e go ]; do sleep 0.05; done; exit 1", 0.1, 32)
                            .build()));

            Map<String, List<TaskState>> seen = new LinkedHashMap<>(Map.of("sleeper", new ArrayList<>(),
                    "quitter", new ArrayList<>()));
            Map<String, TaskStatus> last = new LinkedHashMap<>();
            while (!(running(seen, "sleeper") && running(seen, "quitter"))) {
                take(framework, seen, last);
            }
            String agent = last.get("sleeper").getAgentId().getValue();
            Path quitter = Path.of(cluster.sandbox(agent, framework.id().getValue(), executor), "tasks", "quitter");
            Files.writeString(quitter.resolve("go.new"), "now");
            Files.move(quitter.resolve("go.new"), quitter.resolve("go"), StandardCopyOption.ATOMIC_MOVE);
            while (last.values().stream().filter(status -> isTerminal(status.getState())).count() < 2) {
                take(framework, seen, last);
            }

            assertEquals(List.of(TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FAILED),
                    seen.get("quitter"));
            assertEquals(List.of(TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_KILLED),
                    seen.get("sleeper"));
            assertEquals("Command exited with status 1", last.get("quitter").getMessage());
            assertEquals(TaskStatus.Source.SOURCE_EXECUTOR, last.get("sleeper").getSource());
            assertEquals(executor, last.get("sleeper").getExecutorId().getValue());
            Event.Failure exited = framework.await(Event.Type.FAILURE).getFailure();
            assertEquals(executor, exited.getExecutorId().getValue());
            assertEquals(0, exited.getStatus(), "the default executor ends cleanly once its tasks ended");
            JsonNode completed = completedTasks(framework.id().getValue());
            assertEquals(2, completed.size(), completed.toString());
            completed.forEach(task -> assertEquals(executor, task.path("executor_id").asText()));
        }
    }

    private static boolean running(Map<String, List<TaskState>> seen, String task) {
        return seen.get(task).contains(TaskState.TASK_RUNNING);
    }

    /** Takes and acknowledges the next update, recording its state and keeping it as its task's latest. */
    private static void take(SchedulerClient framework, Map<String, List<TaskState>> seen,
            Map<String, TaskStatus> last) throws Exception {
        TaskStatus status = framework.awaitUpdate();
        seen.get(status.getTaskId().getValue()).add(status.getState());
        last.put(status.getTaskId().getValue(), status);
        if (status.hasUuid()) {
            framework.acknowledge(status);
        }
    }

    private static boolean isTerminal(TaskState state) {
        return switch (state) {
            case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
                    TASK_GONE_BY_OPERATOR -> true;
            default -> false;
        };
    }

    /** The framework's completed tasks in the master's /state, once both are there. */
    private static JsonNode completedTasks(String frameworkId) {
        JsonNode state = Cluster.awaitState(cluster.master(), Duration.ofSeconds(30), "both tasks completed",
                current -> framework(current, frameworkId).path("completed_tasks").size() == 2);
        return framework(state, frameworkId).path("completed_tasks");
    }

    private static JsonNode framework(JsonNode state, String frameworkId) {
        for (JsonNode framework : state.path("frameworks")) {
            if (frameworkId.equals(framework.path("id").asText())) {
                return framework;
            }
        }
        return MissingNode.getInstance();
    }
}
