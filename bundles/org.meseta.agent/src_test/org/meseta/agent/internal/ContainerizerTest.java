package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.framework;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.agent.Protos.Call;
import org.apache.mesos.v1.agent.Protos.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.json.JsonCodec;
import org.meseta.daemon.DaemonException;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.Ports;

/**
 * The agent's containerizer with the posix isolators it finds by name: real processes measured in
 * {@code /monitor/statistics} and {@code GET_CONTAINERS}, a memory hog killed for its limit, and start-up refusing
 * an {@code --isolation} it cannot honour.
 */
class ContainerizerTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path workDir;

    @Test
    void aRunningTaskShowsInMonitorStatisticsWithGrowingCpuTimeAndItsLimits() throws Exception {
        try (LinkedAgent agent = LinkedAgent.start(workDir)) {
            agent.run(framework(), withMem(commandTask("t1", "while :; do :; done"), 64));
            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

            Eventually.await("the task used cpu time", () -> cpuSeconds(statistics(agent, "/monitor/statistics"))
                    .compareTo(BigDecimal.ZERO) > 0);
            Map<String, Object> entry = only(agent, "/slave(1)/monitor/statistics");
            BigDecimal before = cpuSeconds(JsonTree.object(entry, "statistics"));
            Eventually.await("its cpu time grows", () -> cpuSeconds(statistics(agent, "/monitor/statistics.json"))
                    .compareTo(before) > 0);

            assertEquals("t1", JsonTree.string(entry, "executor_id"));
            assertEquals("t1", JsonTree.string(entry, "source"));
            assertEquals(LinkedAgent.FRAMEWORK_ID, JsonTree.string(entry, "framework_id"));
            assertTrue(JsonTree.string(entry, "executor_name").startsWith("Command Executor (Task: t1)"));
            Map<String, Object> statistics = JsonTree.object(entry, "statistics");
            assertEquals(JsonTree.num(0.1), JsonTree.number(statistics, "cpus_limit"));
            assertEquals(64 * MB, JsonTree.number(statistics, "mem_limit_bytes").longValueExact());
            assertTrue(JsonTree.number(statistics, "mem_rss_bytes").signum() > 0, statistics.toString());
            assertTrue(JsonTree.number(statistics, "timestamp").signum() > 0, statistics.toString());
        }
    }

    @Test
    void aTaskBeyondItsMemoryIsKilledAndFailsWithTheMemoryLimitation() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/perl")), "the memory hog is a perl one-liner");
        try (LinkedAgent agent = LinkedAgent.start(workDir)) {
            agent.run(framework(), withMem(commandTask("t1",
                    "/usr/bin/perl -e '$hog = \"x\" x (200 * 1024 * 1024); sleep 1000'"), 32));

            TaskStatus failed = agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING,
                    TaskState.TASK_FAILED);

            assertEquals(TaskStatus.Reason.REASON_CONTAINER_LIMITATION_MEMORY, failed.getReason());
            assertEquals(TaskStatus.Source.SOURCE_AGENT, failed.getSource());
            assertTrue(failed.getMessage().startsWith("Memory limit exceeded: Requested: 32MB Maximum Used: "),
                    failed.getMessage());
            Eventually.await("the container is gone from the statistics",
                    () -> statisticsList(agent, "/monitor/statistics").isEmpty());
        }
    }

    @Test
    void getContainersListsTheRunningContainerWithItsStatisticsInJsonAndProtobuf() throws Exception {
        try (LinkedAgent agent = LinkedAgent.start(workDir)) {
            agent.run(framework(), withMem(commandTask("t1", "sleep 1000"), 64));
            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
            Call call = Call.newBuilder().setType(Call.Type.GET_CONTAINERS).build();

            HttpResponse<byte[]> json = Http.post(agent.uri("/api/v1"), JsonCodec.encodeToString(call),
                    "Content-Type", Http.JSON);
            HttpResponse<byte[]> protobuf = Http.post(agent.uri("/slave(1)/api/v1"), call.toByteArray(),
                    "Content-Type", Http.PROTOBUF, "Accept", Http.PROTOBUF);

            assertEquals(200, json.statusCode(), () -> Http.text(json));
            assertEquals(200, protobuf.statusCode(), () -> Http.text(protobuf));
            for (Response response : List.of(JsonCodec.decode(json.body(), Response.newBuilder()).build(),
                    Response.parseFrom(protobuf.body()))) {
                assertEquals(Response.Type.GET_CONTAINERS, response.getType());
                assertEquals(1, response.getGetContainers().getContainersCount(), response.toString());
                Response.GetContainers.Container container = response.getGetContainers().getContainers(0);
                assertEquals(LinkedAgent.FRAMEWORK_ID, container.getFrameworkId().getValue());
                assertEquals("t1", container.getExecutorId().getValue());
                assertEquals(container.getContainerId(), container.getContainerStatus().getContainerId());
                assertTrue(container.getContainerStatus().getExecutorPid() > 0);
                ResourceStatistics statistics = container.getResourceStatistics();
                assertEquals(64 * MB, statistics.getMemLimitBytes());
                assertEquals(0.1, statistics.getCpusLimit(), 1e-9);
                assertTrue(statistics.getMemRssBytes() > 0, statistics.toString());
                assertTrue(statistics.hasCpusUserTimeSecs() && statistics.hasCpusSystemTimeSecs());
            }
        }
    }

    @Test
    void anIsolationThatIsNotInstalledStopsTheStartWithOneLineNamingIt() {
        DaemonException unknown = assertThrows(DaemonException.class, () -> startAgent("--isolation=posix/cpu,"
                + "no/such"));
        DaemonException duplicate = assertThrows(DaemonException.class, () -> startAgent("--isolation=posix/cpu,"
                + "posix/cpu"));

        assertEquals("Invalid --isolation 'no/such': no isolator of that name is installed (installed: cgroups/cpu,"
                + " cgroups/mem, cgroups/pids, filesystem/posix, namespaces/pid, posix/cpu, posix/mem)",
                unknown.getMessage());
        assertEquals("Invalid --isolation 'posix/cpu,posix/cpu': duplicate entry 'posix/cpu'",
                duplicate.getMessage());
    }

    @Test
    void withoutIsolatorsTasksRunAndShowNoUsage() throws Exception {
        try (LinkedAgent agent = LinkedAgent.start(workDir, "--isolation=")) {
            agent.run(framework(), withMem(commandTask("t1", "sleep 1000"), 64));
            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

            Map<String, Object> statistics = JsonTree.object(only(agent, "/monitor/statistics"), "statistics");

            assertEquals(List.of("cpus_limit", "mem_limit_bytes", "timestamp"),
                    statistics.keySet().stream().sorted().toList());
        }
    }

    private void startAgent(String... flags) throws Exception {
        try (TestCluster cluster = new TestCluster(workDir)) {
            cluster.startAgent(Ports.free(), Ports.free(), flags);
        }
    }

    private static TaskInfo.Builder withMem(TaskInfo.Builder task, double mb) {
        return task.addResources(Resource.newBuilder().setName("mem").setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(mb))
                .setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole("*")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statisticsList(LinkedAgent agent, String target) throws Exception {
        HttpResponse<byte[]> response = Http.get(agent.uri(target));
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        return (List<Map<String, Object>>) JsonTree.parse(Http.text(response));
    }

    private static Map<String, Object> only(LinkedAgent agent, String target) throws Exception {
        List<Map<String, Object>> entries = statisticsList(agent, target);
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }

    private static Map<String, Object> statistics(LinkedAgent agent, String target) throws Exception {
        return JsonTree.object(only(agent, target), "statistics");
    }

    private static BigDecimal cpuSeconds(Map<String, Object> statistics) {
        return JsonTree.number(statistics, "cpus_user_time_secs").add(JsonTree.number(statistics,
                "cpus_system_time_secs"));
    }
}
