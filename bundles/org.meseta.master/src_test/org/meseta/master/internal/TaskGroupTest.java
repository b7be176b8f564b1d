package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ContainerInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OperationID;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.resources.Resources;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.Ports;

/**
 * LAUNCH_GROUP as the master handles it, with an agent played on the agent link: the group is validated as a whole
 * with Mesos's texts, launched as one RUN_TASK_GROUP with the group's executor, and its tasks and executor are
 * tracked as those of a LAUNCH are.
 */
class TaskGroupTest {

    private static final String[] FLAGS = {"--allocation_interval=50ms"};
    private static final String EXECUTOR_RESOURCES = "cpus:0.1;mem:32;disk:32";

    @TempDir
    Path workDir;

    private TestMaster master;
    private LinkSession agent;
    private SchedulerSession framework;

    @BeforeEach
    void start() throws Exception {
        master = TestMaster.start(workDir, FLAGS);
        agent = master.subscribe(LinkSession.subscription(null, Ports.free()));
        agent.answerPings(agent.registered().agentId());
        framework = master.framework(Http.JSON, SchedulerSession.framework("groups"));
        framework.subscribed();
    }

    @AfterEach
    void stop() {
        master.close();
    }

    /** A DEFAULT executor of the framework with Mesos's usual executor resources. */
    private ExecutorInfo.Builder executor() throws Exception {
        return ExecutorInfo.newBuilder().setType(ExecutorInfo.Type.DEFAULT)
                .setExecutorId(ExecutorID.newBuilder().setValue("default")).setFrameworkId(framework.id())
                .addAllResources(Resources.parse(EXECUTOR_RESOURCES, "*").toList());
    }

    private static Offer.Operation launchGroup(ExecutorInfo.Builder executor, TaskInfo... tasks) {
        return Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH_GROUP)
                .setLaunchGroup(Offer.Operation.LaunchGroup.newBuilder().setExecutor(executor)
                        .setTaskGroup(TaskGroupInfo.newBuilder().addAllTasks(List.of(tasks))))
                .build();
    }

    private static Call.Builder accept(Offer offer, Offer.Operation... operations) {
        return Call.newBuilder().setType(Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder()
                .addOfferIds(offer.getId()).addAllOperations(List.of(operations)));
    }

    /** The ACCEPT with a filter of 0 s, so that what it leaves is offered again at once. */
    private static Call.Builder refusingNothing(Call.Builder accept) {
        accept.getAcceptBuilder().setFilters(Filters.newBuilder().setRefuseSeconds(0));
        return accept;
    }

    /** Task {@code id} of the group's framework in /state, from the list {@code tasks}. */
    private Map<String, Object> stateTask(String id) throws Exception {
        return JsonTree.objects(master.frameworkJson(framework.id().getValue()), "tasks").stream()
                .filter(task -> id.equals(task.get("id"))).findFirst().orElseThrow();
    }

    @Test
    void aValidGroupGoesToTheAgentAsOneRunTaskGroupAndItsTasksAreStagingUnderItsExecutor() throws Exception {
        Offer offer = framework.offer();
        TaskInfo a = Calls.task("a", offer, "cpus:0.5;mem:128");
        TaskInfo b = Calls.task("b", offer, "cpus:0.5;mem:128");

        framework.accepted(accept(offer, launchGroup(executor(), a, b)));

        AgentEvent.RunTaskGroup run = agent.next(AgentEvent.RunTaskGroup.class);
        assertEquals(framework.id(), run.framework().getId());
        assertEquals("default", run.executor().getExecutorId().getValue());
        assertEquals(List.of("a", "b"), run.taskGroup().getTasksList().stream()
                .map(task -> task.getTaskId().getValue()).toList());
        for (TaskInfo task : run.taskGroup().getTasksList()) {
            assertEquals(run.executor(), task.getExecutor(), "each task carries the group's executor");
            assertTrue(task.getResourcesList().stream().allMatch(resource -> resource.hasAllocationInfo()));
        }
        assertTrue(run.executor().getResourcesList().stream().allMatch(resource -> resource.hasAllocationInfo()));
        Eventually.await("both tasks are in /state", () -> JsonTree.objects(
                master.frameworkJson(framework.id().getValue()), "tasks").size() == 2);
        assertEquals("TASK_STAGING", JsonTree.string(stateTask("a"), "state"));
        assertEquals("default", JsonTree.string(stateTask("b"), "executor_id"));
        List<Map<String, Object>> executors = JsonTree.objects(master.frameworkJson(framework.id().getValue()),
                "executors");
        assertEquals(1, executors.size());
        assertEquals("DEFAULT", JsonTree.string(executors.get(0), "type"));
        assertEquals("default", JsonTree.string(executors.get(0), "executor_id"));
    }

    @Test
    void theGroupsTasksFollowTheirAgentsUpdates() throws Exception {
        Offer offer = framework.offer();
        framework.accepted(accept(offer, launchGroup(executor(), Calls.task("a", offer, "cpus:0.5"),
                Calls.task("b", offer, "cpus:0.5"))));
        AgentEvent.RunTaskGroup run = agent.next(AgentEvent.RunTaskGroup.class);

        for (String task : List.of("a", "b")) {
            agent.call(Calls.update(run.taskGroup().getTasks(0).getAgentId(), framework.id(), task,
                    TaskState.TASK_RUNNING));
            TaskStatus running = framework.next(Event.Type.UPDATE).getUpdate().getStatus();
            assertEquals(task, running.getTaskId().getValue());
            assertEquals(TaskState.TASK_RUNNING, running.getState());
        }

        Eventually.await("both tasks run", () -> "TASK_RUNNING".equals(stateTask("a").get("state"))
                && "TASK_RUNNING".equals(stateTask("b").get("state")));
    }

    @Test
    void aSecondGroupForTheSameExecutorDoesNotPayForTheExecutorAgain() throws Exception {
        Offer first = framework.offer();
        framework.accepted(refusingNothing(accept(first, launchGroup(executor(),
                Calls.task("a", first, "cpus:1;mem:512")))));
        agent.next(AgentEvent.RunTaskGroup.class);
        // What is left: 2 - 1 - 0.1 cpus; a second group using all of it fits only without a second executor.
        Offer second = framework.offer();
        assertEquals(0.9, Resources.of(second.getResourcesList()).scalar("cpus"), 1e-9);

        framework.accepted(accept(second, launchGroup(executor(), Calls.task("b", second, "cpus:0.9"))));

        AgentEvent.RunTaskGroup run = agent.next(AgentEvent.RunTaskGroup.class);
        assertEquals("b", run.taskGroup().getTasks(0).getTaskId().getValue());
        assertEquals(1, JsonTree.objects(master.frameworkJson(framework.id().getValue()), "executors").size());
    }

    @Test
    void anInvalidGroupEndsEveryTaskInTaskErrorWithMesossText() throws Exception {
        Offer offer = framework.offer();
        FrameworkID other = FrameworkID.newBuilder().setValue("other").build();
        List<Invalid> cases = List.of(
                new Invalid("'ExecutorInfo.type' must be set", e -> e.clearType()),
                new Invalid("'ExecutorInfo.command' must not be set for 'DEFAULT' executor",
                        e -> e.setCommand(CommandInfo.newBuilder().setValue("run-me"))),
                new Invalid("'ExecutorInfo.container.type' must be 'MESOS' for 'DEFAULT' executor",
                        e -> e.setContainer(ContainerInfo.newBuilder().setType(ContainerInfo.Type.DOCKER))),
                new Invalid("'ExecutorInfo.framework_id' must be set", e -> e.clearFrameworkId()),
                new Invalid("ExecutorInfo has an invalid FrameworkID (Actual: other vs Expected: "
                        + framework.id().getValue() + ")", e -> e.setFrameworkId(other)),
                new Invalid("Executor 'default' uses less CPUs (None) than the minimum required (0.01)",
                        e -> withResources(e, "mem:32;disk:32")),
                new Invalid("Executor 'default' uses less CPUs (0.005) than the minimum required (0.01)",
                        e -> withResources(e, "cpus:0.005;mem:32;disk:32")),
                new Invalid("Executor 'default' uses less memory (16MB) than the minimum required (32MB)",
                        e -> withResources(e, "cpus:0.1;mem:16;disk:32")),
                new Invalid("Executor 'default' uses less memory (None) than the minimum required (32MB)",
                        e -> withResources(e, "cpus:0.1;disk:32")),
                new Invalid("Executor 'default' uses no disk", e -> withResources(e, "cpus:0.1;mem:32")));
        List<Offer.Operation> operations = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            operations.add(launchGroup(cases.get(i).executor().apply(executor()),
                    Calls.task("t" + i + "a", offer, "cpus:0.1"), Calls.task("t" + i + "b", offer, "cpus:0.1")));
        }

        framework.accepted(accept(offer, operations.toArray(Offer.Operation[]::new)));

        for (int i = 0; i < cases.size(); i++) {
            for (String suffix : List.of("a", "b")) {
                TaskStatus status = framework.next(Event.Type.UPDATE).getUpdate().getStatus();
                assertEquals("t" + i + suffix, status.getTaskId().getValue());
                assertEquals(TaskState.TASK_ERROR, status.getState());
                assertEquals(TaskStatus.Reason.REASON_TASK_GROUP_INVALID, status.getReason());
                assertEquals(TaskStatus.Source.SOURCE_MASTER, status.getSource());
                assertFalse(status.hasUuid());
                assertEquals(cases.get(i).message(), status.getMessage());
            }
        }
        assertTrue(JsonTree.objects(master.frameworkJson(framework.id().getValue()), "tasks").isEmpty());
    }

    /** An executor the test breaks with {@code executor}, and the message that says so. */
    private record Invalid(String message, UnaryOperator<ExecutorInfo.Builder> executor) {}

    private static ExecutorInfo.Builder withResources(ExecutorInfo.Builder executor, String resources) {
        try {
            return executor.clearResources().addAllResources(Resources.parse(resources, "*").toList());
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void invalidTasksFailTheirWholeGroupNamingTheTask() throws Exception {
        Offer offer = framework.offer();
        TaskInfo noResources = Calls.task("empty", offer, "cpus:0.1").toBuilder().clearResources().build();
        TaskInfo otherExecutor = Calls.task("stray", offer, "cpus:0.1").toBuilder().setExecutor(executor()
                .setExecutorId(ExecutorID.newBuilder().setValue("elsewhere"))).build();

        framework.accepted(accept(offer,
                launchGroup(executor(), Calls.task("twice", offer, "cpus:0.1"), Calls.task("twice", offer, "cpus:0.1")),
                launchGroup(executor(), Calls.task("fine", offer, "cpus:0.1"), noResources),
                launchGroup(executor(), Calls.task("ok", offer, "cpus:0.1"), otherExecutor),
                launchGroup(executor(), Calls.task("huge", offer, "cpus:64")),
                launchGroup(executor(), Calls.task("labelled", offer, "cpus:0.1")).toBuilder()
                        .setId(OperationID.newBuilder().setValue("op-1")).build()));

        assertEquals(List.of("Task 'twice' is invalid: Task has duplicate ID: twice"), messages(2));
        assertEquals(List.of("Task 'empty' is invalid: Task uses no resources"), messages(2));
        assertEquals(List.of("The `ExecutorInfo` of task 'stray' is different from executor 'default'"), messages(2));
        String huge = messages(1).get(0);
        assertTrue(huge.startsWith("Total resources ") && huge.contains(
                " required by task group and its executor are more than available "), huge);
        assertEquals(List.of("The `id` field cannot be set on LAUNCH_GROUP operations"), messages(1));
    }

    /** The distinct messages of the next {@code count} updates, which must be TASK_ERROR for an invalid group. */
    private List<String> messages(int count) throws Exception {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TaskStatus status = framework.next(Event.Type.UPDATE).getUpdate().getStatus();
            assertEquals(TaskState.TASK_ERROR, status.getState(), status.toString());
            assertEquals(TaskStatus.Reason.REASON_TASK_GROUP_INVALID, status.getReason());
            if (!messages.contains(status.getMessage())) {
                messages.add(status.getMessage());
            }
        }
        return messages;
    }

    @Test
    void aGroupForARunningExecutorMustNameTheSameExecutor() throws Exception {
        Offer first = framework.offer();
        framework.accepted(refusingNothing(accept(first, launchGroup(executor(), Calls.task("a", first, "cpus:1")))));
        agent.next(AgentEvent.RunTaskGroup.class);
        Offer second = framework.offer();

        framework.accepted(accept(second, launchGroup(executor().setName("renamed"),
                Calls.task("b", second, "cpus:0.1"))));

        assertEquals(List.of("ExecutorInfo is not compatible with existing ExecutorInfo with same ExecutorID"),
                messages(1));
    }
}
