package org.meseta.console.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClientSettings;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.ModelWait;
import org.meseta.console.core.RealCluster;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.TaskView;

/**
 * The console's actions sent by a real {@link CallClient} to a real master with a real agent and framework
 * ({@link RealCluster}): each call's outcome as the master answers it, and what the model shows afterwards.
 */
@Timeout(90)
class CallClientTest {

    private static final long ANSWER_SECONDS = 30;
    private static final ClientSettings FAST = new ClientSettings(Duration.ofMillis(100), Duration.ofMillis(50),
            Duration.ofMillis(200), Duration.ofSeconds(2), 5);

    @TempDir
    Path workDir;

    private RealCluster cluster;
    private ClusterClient client;
    private CallClient calls;

    @BeforeEach
    void start() throws Exception {
        cluster = new RealCluster(workDir);
        cluster.startMaster();
        client = ClusterClients.create(FAST);
        calls = CallClients.following(client);
    }

    @AfterEach
    void stop() throws Exception {
        calls.close();
        client.close();
        cluster.close();
    }

    @Test
    void deactivatesAndReactivatesAnAgentAndShowsTheMastersRefusalOfAReactivationTooMany() throws Exception {
        AgentView agent = connectWithAgent("node-a.test");

        assertEquals(new CallResult.Succeeded<>(200, Response.getDefaultInstance()),
                answer(calls.operator(OperatorCalls.deactivateAgent(agent.id()))));
        client.resync();
        await("the agent deactivated", state -> state.agents().get(agent.id()).state() == AgentState.DEACTIVATED);

        assertTrue(answer(calls.operator(OperatorCalls.reactivateAgent(agent.id()))).isSuccess());
        client.resync();
        await("the agent active", state -> state.agents().get(agent.id()).state() == AgentState.ACTIVE);

        assertEquals(new CallResult.Refused<>(400, "Agent is not deactivated", List.of()),
                answer(calls.operator(OperatorCalls.reactivateAgent(agent.id()))));
    }

    @Test
    void drainsAnAgentAndMarksAnotherGone() throws Exception {
        AgentView drained = connectWithAgent("node-a.test");
        cluster.startAgent("node-b.test", "cpus:1;mem:256", "");
        ClusterState both = await("two agents", state -> state.agents().size() == 2);
        AgentView gone = both.agents().values().stream().filter(agent -> agent.hostname().equals("node-b.test"))
                .findFirst().orElseThrow();

        assertTrue(answer(calls.operator(OperatorCalls.drainAgent(drained.id(), Optional.of(Duration.ofSeconds(5)),
                false))).isSuccess());
        client.resync();
        await("the agent draining or drained", state -> {
            AgentState now = state.agents().get(drained.id()).state();
            return now == AgentState.DRAINING || now == AgentState.DRAINED;
        });

        assertTrue(answer(calls.operator(OperatorCalls.markAgentGone(gone.id()))).isSuccess());
        await("the agent removed", state -> !state.agents().get(gone.id()).state().isAdmitted());
        assertTrue(answer(calls.operator(OperatorCalls.markAgentGone(gone.id()))).isSuccess(), "as in Mesos: done");
        assertEquals(new CallResult.Refused<>(404, "Agent 'S9' not found", List.of()),
                answer(calls.operator(OperatorCalls.markAgentGone("S9"))), "the master's refusal, as it said it");
    }

    @Test
    void tearsDownAFrameworkWhoseTasksAreThenKilled() throws Exception {
        AgentView agent = connectWithAgent("node-a.test");
        cluster.launch("sleeper", "sleep 600", "cpus:0.1;mem:32");
        ClusterState running = await("the task running", state -> state.agents().get(agent.id()).tasks().stream()
                .anyMatch(task -> task.state() == TaskState.TASK_RUNNING));
        String framework = running.agents().get(agent.id()).tasks().get(0).key().frameworkId();

        assertTrue(answer(calls.operator(OperatorCalls.teardown(framework))).isSuccess());

        ClusterState after = await("the framework gone", state -> !state.frameworks().containsKey(framework));
        TaskView killed = after.completedTasks().stream().filter(task -> task.key().frameworkId().equals(framework))
                .findFirst().orElseThrow();
        assertEquals(TaskState.TASK_KILLED, killed.state());
        assertEquals(new CallResult.Refused<>(400, "No framework found with specified ID", List.of()),
                answer(calls.operator(OperatorCalls.teardown(framework))));
    }

    @Test
    void updatesWeightsAndQuotaInEitherEncodingAndCarriesTheMastersRefusal() throws Exception {
        connectWithAgent("node-a.test");
        try (CallClient protobuf = CallClients.following(client, CallSettings.DEFAULT.with(Encoding.PROTOBUF))) {
            RoleEdits.Checked weight = RoleEdits.weight("web", "2.5");
            assertTrue(answer(protobuf.operator(weight.call().orElseThrow())).isSuccess());
            await("the weight in the role view", state -> state.roles().stream()
                    .anyMatch(role -> role.name().equals("web") && role.weight() == 2.5));

            RoleEdits.Checked quota = RoleEdits.quota("web", Map.of("cpus", "0.5"), Map.of("cpus", "1", "mem", ""));
            assertTrue(answer(protobuf.operator(quota.call().orElseThrow())).isSuccess());
            Response status = ((CallResult.Succeeded<Response>) answer(protobuf.operator(OperatorCalls.getQuota())))
                    .value();
            assertEquals(Response.Type.GET_QUOTA, status.getType());
            QuotaConfig config = status.getGetQuota().getStatus().getConfigs(0);
            assertEquals("web", config.getRole());
            assertEquals(0.5, config.getGuaranteesOrThrow("cpus").getValue());
            assertEquals(Set.of("cpus"), config.getLimitsMap().keySet(), "a blank field sets nothing");
            assertEquals(1.0, config.getLimitsOrThrow("cpus").getValue());
        }
        RoleEdits.Checked tooMuch = RoleEdits.quota("web", Map.of("cpus", "64"), Map.of());
        assertTrue(tooMuch.isValid(), "only the master knows the cluster's capacity");
        CallResult.Refused<?> refused = assertInstanceOf(CallResult.Refused.class,
                answer(calls.operator(tooMuch.call().orElseThrow())));
        assertEquals(400, refused.status());
        assertTrue(refused.message().startsWith("Invalid QuotaConfig: total quota guarantees 'cpus:64' exceed cluster"
                + " capacity 'cpus:2; "), refused::message);
    }

    @Test
    void readsAndChangesAnAgentsIsolationSettingsAndCarriesTheFieldsItRefuses() throws Exception {
        AgentView agent = connectWithAgent("node-a.test");
        AgentEndpoint endpoint = AgentEndpoint.of(agent).orElseThrow();
        assertEquals("127.0.0.1", endpoint.host(), "the address the agent listens on, from its pid");

        IsolationSettings settings = ((CallResult.Succeeded<IsolationSettings>) answer(
                calls.isolationSettings(endpoint))).value();
        assertTrue(settings.installedIsolators().containsAll(settings.isolation()), settings::toString);
        assertTrue(settings.appliesToRunning().contains(IsolationField.PIDS_LIMIT), settings::toString);
        assertTrue(settings.applied().isEmpty());

        CallResult<IsolationSettings> refused = answer(calls.changeIsolationSettings(endpoint,
                IsolationChange.between(settings, settings.isolation(), settings.cgroupsEnableCfs(),
                        settings.memoryLimitMode(), "0", "mesos/../x")));
        CallResult.Refused<IsolationSettings> refusal = assertInstanceOf(CallResult.Refused.class, refused);
        assertEquals(400, refusal.status());
        assertEquals(List.of("pids_limit", "cgroups_root"), refusal.fieldErrors().stream().map(FieldError::field)
                .toList());

        IsolationChange change = IsolationChange.between(settings, settings.isolation(), settings.cgroupsEnableCfs(),
                settings.memoryLimitMode(), "64", settings.cgroupsRoot());
        assertEquals(new IsolationChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("64"),
                Optional.empty()), change, "only what changed is sent");
        IsolationSettings changed = ((CallResult.Succeeded<IsolationSettings>) answer(
                calls.changeIsolationSettings(endpoint, change))).value();
        assertEquals("64", changed.pidsLimit());
        assertEquals(List.of(IsolationField.PIDS_LIMIT), changed.applied().orElseThrow().changed());
    }

    @Test
    void withoutALeaderACallFailsAtOnceAndAnUnreachableMasterIsReported() throws Exception {
        CallResult<Response> notConnected = answer(calls.operator(OperatorCalls.getQuota()));
        assertEquals(new CallResult.Failed<>("not connected to a master"), notConnected);

        try (CallClient nowhere = CallClients.following(() -> Optional.of(cluster.master()), CallSettings.DEFAULT)) {
            cluster.close();
            CallResult<Response> unreachable = answer(nowhere.operator(OperatorCalls.getQuota()));
            assertInstanceOf(CallResult.Failed.class, unreachable);
            assertTrue(unreachable.describe().contains("refused"), unreachable::describe);
        }
    }

    /** Connects to the master with one agent of {@code hostname} and returns that agent. */
    private AgentView connectWithAgent(String hostname) throws Exception {
        cluster.startAgent(hostname, "cpus:2;mem:1024;disk:2048", "");
        client.connect(cluster.master());
        ClusterState joined = await("the agent", state -> state.agents().size() == 1);
        assertInstanceOf(ConnectionState.Connected.class, client.state());
        return joined.agents().values().iterator().next();
    }

    private ClusterState await(String what, Predicate<ClusterState> condition) {
        return ModelWait.await(client, what, condition);
    }

    static <T> CallResult<T> answer(PendingCall<T> call) throws Exception {
        return call.result().get(ANSWER_SECONDS, TimeUnit.SECONDS);
    }
}
