package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.master.internal.OperatorClient.call;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Role;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.Ports;

/**
 * The operator calls about frameworks, tasks, executors and roles ({@code GET_FRAMEWORKS}, {@code GET_TASKS},
 * {@code GET_EXECUTORS}, {@code GET_STATE}, {@code GET_ROLES}) and {@code GET_LOGGING_LEVEL}, with an agent played
 * on the link and a framework on the scheduler API; every call in JSON and protobuf.
 */
class OperatorStateCallsTest {

    @TempDir
    Path workDir;

    private TestMaster master;
    private OperatorClient operator;

    @BeforeEach
    void startMaster() throws Exception {
        master = TestMaster.start(workDir, "--agent_ping_timeout=500ms", "--max_agent_ping_timeouts=4",
                "--allocation_interval=50ms");
        operator = new OperatorClient(master);
    }

    @AfterEach
    void stopMaster() {
        master.close();
    }

    /** Task t1 run by a custom executor e1 without resources of its own. */
    private Launched launchWithExecutor() throws Exception {
        return Launched.on(master, SchedulerSession.framework("ops"), "t1", task -> task.toBuilder().clearCommand()
                .setExecutor(ExecutorInfo.newBuilder().setExecutorId(ExecutorID.newBuilder().setValue("e1"))
                        .setCommand(CommandInfo.newBuilder().setValue("./executor")))
                .build());
    }

    private static double cpus(List<Resource> resources) {
        return resources.stream().filter(resource -> resource.getName().equals("cpus"))
                .mapToDouble(resource -> resource.getScalar().getValue()).sum();
    }

    @Test
    void beforeAnyFrameworkEveryListIsEmpty() throws Exception {
        assertEquals(Map.of("type", "GET_FRAMEWORKS", "get_frameworks", Map.of()),
                JsonTree.parse(Http.text(Http.post(master.uri("/api/v1"), "{\"type\":\"GET_FRAMEWORKS\"}",
                        "Content-Type", Http.JSON))));
        assertEquals(Response.GetTasks.getDefaultInstance(), operator.both(call(Call.Type.GET_TASKS)).getGetTasks());
        assertEquals(Response.GetExecutors.getDefaultInstance(),
                operator.both(call(Call.Type.GET_EXECUTORS)).getGetExecutors());
        assertEquals(Response.GetRoles.getDefaultInstance(), operator.both(call(Call.Type.GET_ROLES)).getGetRoles());
    }

    @Test
    void aRunningFrameworkShowsItsTaskExecutorAllocationAndRole() throws Exception {
        long before = System.currentTimeMillis();
        Launched launched = launchWithExecutor();
        FrameworkID id = launched.framework().id();

        Response.GetFrameworks frameworks = operator.both(call(Call.Type.GET_FRAMEWORKS)).getGetFrameworks();
        assertEquals(1, frameworks.getFrameworksCount());
        assertEquals(0, frameworks.getCompletedFrameworksCount());
        Response.GetFrameworks.Framework framework = frameworks.getFrameworks(0);
        assertEquals(id, framework.getFrameworkInfo().getId());
        assertEquals("ops", framework.getFrameworkInfo().getName());
        assertTrue(framework.getActive());
        assertTrue(framework.getConnected());
        assertFalse(framework.getRecovered());
        assertTrue(framework.getRegisteredTime().getNanoseconds() / 1_000_000 >= before - 10);
        assertFalse(framework.hasReregisteredTime());
        assertFalse(framework.hasUnregisteredTime());
        assertEquals(2.0, cpus(framework.getAllocatedResourcesList()), 1e-9);
        assertEquals(0, framework.getOffersCount(), "the task took the whole agent");

        Response.GetTasks tasks = operator.both(call(Call.Type.GET_TASKS)).getGetTasks();
        assertEquals(1, tasks.getTasksCount());
        Task task = tasks.getTasks(0);
        assertEquals("t1", task.getTaskId().getValue());
        assertEquals(id, task.getFrameworkId());
        assertEquals(launched.agentId(), task.getAgentId());
        assertEquals("e1", task.getExecutorId().getValue());
        assertEquals(TaskState.TASK_STAGING, task.getState());
        assertEquals(0, tasks.getCompletedTasksCount() + tasks.getUnreachableTasksCount()
                + tasks.getPendingTasksCount() + tasks.getOrphanTasksCount());

        Response.GetExecutors executors = operator.both(call(Call.Type.GET_EXECUTORS)).getGetExecutors();
        assertEquals(1, executors.getExecutorsCount());
        assertEquals("e1", executors.getExecutors(0).getExecutorInfo().getExecutorId().getValue());
        assertEquals(launched.agentId(), executors.getExecutors(0).getAgentId());
        assertEquals(0, executors.getOrphanExecutorsCount());

        Response.GetRoles roles = operator.both(call(Call.Type.GET_ROLES)).getGetRoles();
        assertEquals(1, roles.getRolesCount());
        Role star = roles.getRoles(0);
        assertEquals("*", star.getName());
        assertEquals(1.0, star.getWeight());
        assertEquals(List.of(id), star.getFrameworksList());
        assertEquals(2.0, cpus(star.getResourcesList()), 1e-9);

        Response.GetState state = operator.both(call(Call.Type.GET_STATE)).getGetState();
        assertEquals(tasks, state.getGetTasks());
        assertEquals(executors, state.getGetExecutors());
        assertEquals(frameworks, state.getGetFrameworks());
        assertEquals(operator.protobuf(call(Call.Type.GET_AGENTS)).getGetAgents(), state.getGetAgents());
    }

    @Test
    void updatesShowInGetTasks() throws Exception {
        Launched launched = launchWithExecutor();

        launched.report(TaskState.TASK_RUNNING);

        // The framework has the update, so the master has recorded it.
        assertEquals(TaskState.TASK_RUNNING,
                operator.both(call(Call.Type.GET_TASKS)).getGetTasks().getTasks(0).getState());
    }

    @Test
    void afterTeardownTheFrameworkAndItsTaskAreCompletedAndItsRoleIsGone() throws Exception {
        Launched launched = launchWithExecutor();

        launched.framework().accepted(org.apache.mesos.v1.scheduler.Protos.Call.newBuilder()
                .setType(org.apache.mesos.v1.scheduler.Protos.Call.Type.TEARDOWN));
        assertEquals("end", launched.framework().awaitEnd());

        Response.GetFrameworks frameworks = operator.both(call(Call.Type.GET_FRAMEWORKS)).getGetFrameworks();
        assertEquals(0, frameworks.getFrameworksCount());
        assertEquals(1, frameworks.getCompletedFrameworksCount());
        Response.GetFrameworks.Framework completed = frameworks.getCompletedFrameworks(0);
        assertEquals(launched.framework().id(), completed.getFrameworkInfo().getId());
        assertFalse(completed.getActive());
        assertTrue(completed.hasUnregisteredTime());
        assertEquals(0, completed.getAllocatedResourcesCount());

        Response.GetTasks tasks = operator.both(call(Call.Type.GET_TASKS)).getGetTasks();
        assertEquals(0, tasks.getTasksCount());
        assertEquals(1, tasks.getCompletedTasksCount());
        assertEquals(TaskState.TASK_KILLED, tasks.getCompletedTasks(0).getState());

        assertEquals(0, operator.both(call(Call.Type.GET_ROLES)).getGetRoles().getRolesCount());
        assertEquals(tasks, operator.both(call(Call.Type.GET_STATE)).getGetState().getGetTasks());
    }

    @Test
    void outstandingOffersAreShownWithTheAgentsHostname() throws Exception {
        LinkSession agent = master.subscribe(LinkSession.subscription(null, Ports.free()));
        agent.answerPings(agent.registered().agentId());
        SchedulerSession session = master.framework(Http.JSON, SchedulerSession.framework("offered"));
        session.subscribed();
        Offer sent = session.next(Event.Type.OFFERS).getOffers().getOffers(0);

        Response.GetFrameworks.Framework framework = operator.both(call(Call.Type.GET_FRAMEWORKS))
                .getGetFrameworks().getFrameworks(0);

        assertEquals(1, framework.getOffersCount());
        Offer shown = framework.getOffers(0);
        assertEquals(sent.getId(), shown.getId());
        assertEquals(sent.getAgentId(), shown.getAgentId());
        assertEquals(sent.getHostname(), shown.getHostname());
        assertEquals("*", shown.getAllocationInfo().getRole());
        assertEquals(2.0, cpus(shown.getResourcesList()), 1e-9);
        assertEquals(2.0, cpus(framework.getOfferedResourcesList()), 1e-9);
        assertEquals(0, framework.getAllocatedResourcesCount());
    }

    @Test
    void aMultiRoleFrameworkIsListedUnderEachOfItsRoles() throws Exception {
        FrameworkInfo info = SchedulerSession.framework("multi", FrameworkInfo.Capability.Type.MULTI_ROLE)
                .toBuilder().addRoles("analytics").addRoles("web").build();
        SchedulerSession session = master.framework(Http.PROTOBUF, info);
        FrameworkID id = session.subscribed();

        List<Role> roles = operator.both(call(Call.Type.GET_ROLES)).getGetRoles().getRolesList();

        assertEquals(List.of("analytics", "web"), roles.stream().map(Role::getName).toList());
        for (Role role : roles) {
            assertEquals(List.of(id), role.getFrameworksList());
            assertEquals(1.0, role.getWeight());
            assertEquals(0, role.getResourcesCount());
        }
    }

    @Test
    void getLoggingLevelIsGlogsDefaultVerbosity() throws Exception {
        assertEquals(Map.of("type", "GET_LOGGING_LEVEL", "get_logging_level", Map.of("level", JsonTree.num(0))),
                JsonTree.parse(Http.text(Http.post(master.uri("/api/v1"), "{\"type\":\"GET_LOGGING_LEVEL\"}",
                        "Content-Type", Http.JSON))));
        assertEquals(0, operator.protobuf(call(Call.Type.GET_LOGGING_LEVEL)).getGetLoggingLevel().getLevel());
    }
}
