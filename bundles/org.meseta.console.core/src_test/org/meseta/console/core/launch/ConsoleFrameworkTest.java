package org.meseta.console.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClientSettings;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.ModelWait;
import org.meseta.console.core.RealCluster;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.CallClients;
import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.calls.OperatorCalls;
import org.meseta.console.core.calls.PendingCall;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.FrameworkView;
import org.meseta.console.core.model.TaskView;

/**
 * The console's framework against a real master and real agents ({@link RealCluster}): launches that run or fail
 * with the task's reason, moves that keep the original when the copy fails, kills, tasks of other frameworks left
 * alone, and the same framework across console restarts.
 */
@Timeout(120)
class ConsoleFrameworkTest {

    private static final long ANSWER_SECONDS = 60;
    private static final ClientSettings FAST = new ClientSettings(Duration.ofMillis(100), Duration.ofMillis(50),
            Duration.ofMillis(200), Duration.ofSeconds(2), 5);
    /** Tasks run as the user running the tests: the agents know no other. */
    private static final String USER = System.getProperty("user.name");
    private static final FrameworkSettings SETTINGS = FrameworkSettings.of(USER, "console.test")
            .withWaits(Duration.ofSeconds(20), Duration.ofSeconds(30));
    /** Why a sleeper cannot run on node-b, which has too little CPU. */
    private static final String TOO_LITTLE = "node-b.test offers cpus:0.05; mem:1024; disk:2048; ports:[31000-32000]"
            + " to role *, not the cpus:0.1; mem:32 sleeper needs";
    private static final TaskDefinition SLEEPER = new TaskDefinition("sleeper", "sleep 600", "cpus:0.1;mem:32", "*",
            "");

    @TempDir
    Path workDir;

    private RealCluster cluster;
    private ClusterClient client;
    private final FrameworkMemory memory = FrameworkMemory.inMemory();
    private ConsoleFramework framework;
    private AgentView nodeA;
    private AgentView nodeB;

    @BeforeEach
    void start() throws Exception {
        cluster = new RealCluster(workDir);
        cluster.startMaster();
        cluster.startAgent("node-a.test", "cpus:2;mem:1024;disk:2048", "");
        cluster.startAgent("node-b.test", "cpus:0.05;mem:1024;disk:2048", "");
        client = ClusterClients.create(FAST);
        client.connect(cluster.master());
        ClusterState both = await("two agents", state -> state.agents().size() == 2);
        nodeA = agent(both, "node-a.test");
        nodeB = agent(both, "node-b.test");
        framework = ConsoleFrameworks.create(client, memory, SETTINGS);
    }

    @AfterEach
    void stop() throws Exception {
        framework.close();
        client.close();
        cluster.close();
    }

    @Test
    void launchesATaskOnTheChosenAgentWithExactlyItsResources() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        PendingCall<LaunchedTask> launch = framework.launch(spec(SLEEPER), nodeA);
        launch.onProgress(steps::add);

        LaunchedTask launched = succeeded(launch);

        assertEquals(TaskState.TASK_RUNNING, launched.state());
        assertEquals(nodeA.id(), launched.agentId());
        assertTrue(launched.taskId().matches("sleeper\\.[0-9a-f]{8}"), launched::taskId);
        assertTrue(steps.contains("waiting for an offer of node-a.test to role *"), steps::toString);
        assertTrue(steps.contains("LAUNCH " + launched.taskId() + " on node-a.test"), steps::toString);
        TaskView task = await("the task on node-a", state -> taskOn(state, nodeA, launched.taskId()).isPresent())
                .agents().get(nodeA.id()).tasks().get(0);
        assertEquals(0.1, task.resources().cpus());
        assertEquals(32, task.resources().memMb());
        assertEquals(framework.id(), memory.frameworkId());
        assertTrue(framework.owns(task));
        assertEquals(Optional.of(SLEEPER), memory.launched(launched.taskId()));
        FrameworkView registered = client.cluster().frameworks().get(framework.id().orElseThrow());
        assertEquals("Meseta console (" + USER + "@console.test)", registered.name());
        assertTrue(registered.details().getFrameworkInfo().getCheckpoint());
        assertEquals(7 * 24 * 3600.0, registered.details().getFrameworkInfo().getFailoverTimeout());
    }

    @Test
    void aTaskThatFailsBeforeItRunsFailsItsLaunchWithItsStateMessageAndReason() throws Exception {
        try (ConsoleFramework stranger = ConsoleFrameworks.create(client, FrameworkMemory.inMemory(),
                FrameworkSettings.of("no-such-user", "console.test"))) {
            CallResult<LaunchedTask> result = answer(stranger.launch(spec(SLEEPER), nodeA));

            assertEquals(new CallResult.Failed<>("TASK_FAILED: Failed to launch container: Failed to switch to user"
                    + " 'no-such-user': no such user on this agent (REASON_CONTAINER_LAUNCH_FAILED)"), result);
        }
    }

    @Test
    void anAgentOfferingLessThanTheTaskNeedsFailsTheLaunch() throws Exception {
        CallResult<LaunchedTask> result = answer(framework.launch(spec(SLEEPER), nodeB));

        assertEquals(new CallResult.Failed<>(TOO_LITTLE), result);
    }

    @Test
    void movesATaskToAnotherAgentAndKillsTheOriginalOnceTheCopyRuns() throws Exception {
        cluster.startAgent("node-c.test", "cpus:1;mem:512;disk:1024", "");
        AgentView nodeC = agent(await("three agents", state -> state.agents().size() == 3), "node-c.test");
        LaunchedTask original = succeeded(framework.launch(spec(SLEEPER), nodeA));
        TaskView running = task(original);

        LaunchedTask copy = succeeded(framework.move(running, nodeC));

        assertEquals(nodeC.id(), copy.agentId());
        assertEquals(TaskState.TASK_RUNNING, copy.state());
        assertNotEquals(original.taskId(), copy.taskId());
        ClusterState after = await("the original killed", state -> state.completedTasks().stream()
                .anyMatch(task -> task.key().taskId().equals(original.taskId())));
        assertEquals(TaskState.TASK_KILLED, after.completedTasks().stream()
                .filter(task -> task.key().taskId().equals(original.taskId())).findFirst().orElseThrow().state());
        assertTrue(taskOn(after, nodeC, copy.taskId()).isPresent());
        assertEquals(Optional.empty(), memory.launched(original.taskId()), "an ended task is forgotten");
        assertEquals(Optional.of(SLEEPER), memory.launched(copy.taskId()));
    }

    @Test
    void aCopyThatCannotBeLaunchedLeavesTheOriginalRunning() throws Exception {
        LaunchedTask original = succeeded(framework.launch(spec(SLEEPER), nodeA));

        CallResult<LaunchedTask> result = answer(framework.move(task(original), nodeB));

        assertEquals(new CallResult.Failed<>("the copy on node-b.test failed (" + TOO_LITTLE + "); "
                + original.taskId() + " keeps running on node-a.test"), result);
        await("the original running", state -> taskOn(state, nodeA, original.taskId())
                .filter(task -> task.state() == TaskState.TASK_RUNNING).isPresent());
        assertEquals(Optional.of(SLEEPER), memory.launched(original.taskId()));
    }

    @Test
    void killsItsOwnTaskAndLeavesOtherFrameworksTasksAlone() throws Exception {
        LaunchedTask own = succeeded(framework.launch(spec(SLEEPER), nodeA));
        cluster.launch("web-1", "sleep 600", "cpus:0.1;mem:32");
        TaskView foreign = await("the other framework's task", state -> state.agents().get(nodeA.id()).tasks()
                .stream().anyMatch(task -> task.name().equals("web-1") && task.state() == TaskState.TASK_RUNNING))
                .agents().get(nodeA.id()).tasks().stream().filter(task -> task.name().equals("web-1")).findFirst()
                .orElseThrow();

        assertEquals(TaskState.TASK_KILLED, succeeded(framework.kill(task(own))));

        String refusal = "web-1 belongs to framework console test web-1: the operator API cannot kill a single task;"
                + " tear console test web-1 down in the Frameworks view to kill all its tasks";
        assertEquals(Optional.of(refusal), framework.whyNotKillable(foreign, client.cluster()));
        assertEquals(new CallResult.Failed<>(refusal), answer(framework.kill(foreign)));
        assertEquals(Optional.of("web-1 belongs to framework console test web-1; the console can only move the"
                + " tasks it launched"), framework.whyNotMovable(foreign, client.cluster()));
        assertEquals(TaskState.TASK_RUNNING, client.cluster().agents().get(nodeA.id()).tasks().stream()
                .filter(task -> task.name().equals("web-1")).findFirst().orElseThrow().state());
    }

    @Test
    void aConsoleStartedAgainIsTheSameFrameworkAndStillOwnsItsTasks() throws Exception {
        LaunchedTask launched = succeeded(framework.launch(spec(SLEEPER), nodeA));
        String id = framework.id().orElseThrow();
        framework.close();
        await("the framework disconnected", state -> state.frameworks().containsKey(id)
                && !state.frameworks().get(id).connected());

        framework = ConsoleFrameworks.create(client, memory, SETTINGS);
        assertEquals(Optional.of(id), framework.id());
        TaskView task = task(launched);
        assertTrue(framework.owns(task));

        assertEquals(TaskState.TASK_KILLED, succeeded(framework.kill(task)));
        await("subscribed again as " + id, state -> state.frameworks().get(id).connected());
    }

    @Test
    void aFrameworkTornDownIsForgottenAndTheNextLaunchMakesANewOne() throws Exception {
        succeeded(framework.launch(spec(SLEEPER), nodeA));
        String id = framework.id().orElseThrow();
        framework.close();
        try (CallClient operator = CallClients.following(client)) {
            assertTrue(answer(operator.operator(OperatorCalls.teardown(id))).isSuccess());
        }
        await("the framework removed", state -> !state.frameworks().containsKey(id));

        framework = ConsoleFrameworks.create(client, memory, SETTINGS);
        LaunchedTask again = succeeded(framework.launch(spec(SLEEPER), nodeA));

        assertEquals(TaskState.TASK_RUNNING, again.state());
        assertNotEquals(Optional.of(id), framework.id());
        assertEquals(framework.id(), memory.frameworkId());
    }

    @Test
    void afterConnectingToAnotherMasterTheFrameworkSubscribesThere() throws Exception {
        succeeded(framework.launch(spec(SLEEPER), nodeA));
        try (RealCluster other = new RealCluster(workDir.resolve("other"))) {
            other.startMaster();
            other.startAgent("node-z.test", "cpus:1;mem:512;disk:1024", "");
            client.connect(other.master());
            AgentView nodeZ = agent(await("the other cluster's agent", state -> state.agents().size() == 1
                    && agent(state, "node-z.test") != null), "node-z.test");

            LaunchedTask there = succeeded(framework.launch(spec(SLEEPER), nodeZ));

            assertEquals(nodeZ.id(), there.agentId());
            String id = framework.id().orElseThrow();
            await("the same framework id, registered with the other master", state -> state.frameworks()
                    .containsKey(id));
        }
    }

    @Test
    void withoutAMasterNothingIsLaunched() throws Exception {
        client.disconnect();
        await("no agents", state -> state.agents().isEmpty());

        assertEquals(new CallResult.Failed<>("not connected to a master"),
                answer(framework.launch(spec(SLEEPER), nodeA)));
    }

    private static LaunchSpec spec(TaskDefinition definition) {
        return definition.check().spec().orElseThrow();
    }

    private TaskView task(LaunchedTask launched) {
        return await(launched.taskId() + " in the model", state -> taskOn(state, agent(state, launched.agentId()),
                launched.taskId()).isPresent()).agents().get(launched.agentId()).tasks().stream()
                .filter(task -> task.key().taskId().equals(launched.taskId())).findFirst().orElseThrow();
    }

    private static Optional<TaskView> taskOn(ClusterState state, AgentView agent, String taskId) {
        AgentView now = agent == null ? null : state.agents().get(agent.id());
        return now == null ? Optional.empty() : now.tasks().stream()
                .filter(task -> task.key().taskId().equals(taskId)).findFirst();
    }

    private static AgentView agent(ClusterState state, String hostnameOrId) {
        return state.agents().values().stream().filter(agent -> agent.hostname().equals(hostnameOrId)
                || agent.id().equals(hostnameOrId)).findFirst().orElse(null);
    }

    private ClusterState await(String what, Predicate<ClusterState> condition) {
        return ModelWait.await(client, what, condition);
    }

    private static <T> T succeeded(PendingCall<T> call) throws Exception {
        CallResult<T> result = answer(call);
        if (result instanceof CallResult.Succeeded<T> done) {
            return done.value();
        }
        throw new AssertionError("Expected success, but: " + result.describe());
    }

    private static <T> CallResult<T> answer(PendingCall<T> call) throws Exception {
        return call.result().get(ANSWER_SECONDS, TimeUnit.SECONDS);
    }
}
