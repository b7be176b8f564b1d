package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.framework;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.daemon.DaemonException;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.Ports;

/**
 * The cgroups isolators under a real agent with real cgroups (v1 hierarchies under {@code /sys/fs/cgroup}, as root):
 * a task's first process in its cgroups before its code runs, the tasks of a task group in their executor's cgroups,
 * a memory hog stopped by the kernel and failed with the memory limitation, CFS throttling of a busy loop, a bounded
 * fork bomb stopped by {@code pids.max}, and each container's cgroup gone after its task. Each test has a {@code --cgroups_root} of its own; a host without
 * writable cgroups skips them, saying why.
 */
class CgroupsIsolationTest {

    private static final Path HIERARCHY = Path.of("/sys/fs/cgroup");
    private static final long MB = 1024 * 1024;

    @TempDir
    Path workDir;

    private final String root = "meseta-test-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeRoots() throws IOException {
        for (String controller : List.of("cpu", "cpuacct", "memory", "pids")) {
            Files.deleteIfExists(rootOf(controller)); // empty once the agent removed its containers' cgroups
        }
    }

    @Test
    void theFirstProcessIsInTheContainersCgroupBeforeTheTasksCodeRuns() throws Exception {
        try (LinkedAgent agent = start("--isolation=cgroups/mem")) {
            agent.run(framework(), withMem(commandTask("t1", "cat /proc/$$/cgroup > first.cgroup; sleep 1000"), 64));
            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
            Path first = agent.sandbox("t1").resolve("first.cgroup");
            Eventually.await("the task wrote its cgroups", () -> Files.exists(first) && Files.size(first) > 0);

            Path container = only(rootOf("memory"));
            assertTrue(Files.readString(first).contains(":memory:/" + root + "/" + container.getFileName() + "\n"),
                    Files.readString(first));
            assertEquals(64 * MB, Long.parseLong(Files.readString(container.resolve("memory.limit_in_bytes")).strip()));
        }
    }

    @Test
    void theTasksOfAGroupAreInTheirExecutorsCgroupWhoseLimitCountsTheExecutorAndEveryTask() throws Exception {
        try (LinkedAgent agent = start("--isolation=cgroups/mem")) {
            String saveCgroups = "cat /proc/$$/cgroup > task.cgroup; sleep 1000";
            agent.runGroup(framework(), LinkedAgent.defaultExecutor("default"),
                    withMem(commandTask("a", saveCgroups), 64), withMem(commandTask("b", saveCgroups), 16));
            for (String task : List.of("a", "b")) {
                agent.acknowledgeStates(task, TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
            }

            Path container = only(rootOf("memory"));
            for (String task : List.of("a", "b")) {
                Path cgroups = agent.taskSandbox("default", task).resolve("task.cgroup");
                Eventually.await("task " + task + " wrote its cgroups", () -> Files.exists(cgroups)
                        && Files.size(cgroups) > 0);
                assertTrue(Files.readString(cgroups).contains(":memory:/" + root + "/" + container.getFileName()
                        + "\n"), Files.readString(cgroups));
            }
            assertEquals((32 + 64 + 16) * MB,
                    Long.parseLong(Files.readString(container.resolve("memory.limit_in_bytes")).strip()));

            agent.kill("b", Optional.empty());
            agent.acknowledgeStates("b", TaskState.TASK_KILLED);
            agent.acknowledgeStates("a", TaskState.TASK_KILLED);
            Eventually.await("the container's cgroup is removed", () -> children(rootOf("memory")).isEmpty());
        }
    }

    @Test
    void aMemoryHogIsStoppedAtItsLimitAndFailsWithTheMemoryLimitation() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/perl")), "the memory hog is a perl one-liner");
        try (LinkedAgent agent = start("--isolation=cgroups/mem")) {
            agent.run(framework(), withMem(commandTask("t1",
                    "/usr/bin/perl -e '$hog = \"x\" x (200 * 1024 * 1024); sleep 1000'"), 32));

            TaskStatus failed = agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING,
                    TaskState.TASK_FAILED);

            assertEquals(TaskStatus.Reason.REASON_CONTAINER_LIMITATION_MEMORY, failed.getReason());
            assertEquals(TaskStatus.Source.SOURCE_AGENT, failed.getSource());
            assertTrue(failed.getMessage().startsWith("Memory limit exceeded: Requested: 32MB Maximum Used: 32"),
                    failed.getMessage());
            Eventually.await("the container's cgroup is removed", () -> children(rootOf("memory")).isEmpty());
        }
    }

    @Test
    void withCfsABusyLoopIsThrottledAtItsCpusAndShowsItInTheStatistics() throws Exception {
        try (LinkedAgent agent = start("--isolation=cgroups/cpu", "--cgroups_enable_cfs")) {
            agent.run(framework(), commandTask("t1", "while :; do :; done"));
            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

            Eventually.await("the busy loop was throttled", () -> number(agent, "cpus_nr_throttled") > 0);
            Path container = only(rootOf("cpu"));
            assertEquals("10000", Files.readString(container.resolve("cpu.cfs_quota_us")).strip());
            assertEquals("102", Files.readString(container.resolve("cpu.shares")).strip());
            assertTrue(number(agent, "cpus_nr_periods") >= number(agent, "cpus_nr_throttled"));
            Eventually.await("it used cpu time", () -> number(agent, "cpus_user_time_secs") > 0);
            // The first throttled periods may add up to less than the statistics' resolution.
            Eventually.await("it was throttled for a measurable time",
                    () -> number(agent, "cpus_throttled_time_secs") > 0);
        }
        assertEquals(List.of(), children(rootOf("cpu")), "the agent's stop removed the container's cgroup");
    }

    @Test
    void aForkBombIsStoppedByThePidsLimitAndLeavesNothingBehind() throws Exception {
        try (LinkedAgent agent = start("--isolation=cgroups/pids", "--cgroups_pids_max=16")) {
            // Bounded: at most 100 sleeps even without a limit; the shell gives up at the first fork that fails.
            agent.run(framework(), commandTask("t1",
                    "i=0; while [ $i -lt 100 ]; do sleep 600 & i=$((i+1)); done; wait"));

            TaskStatus failed = agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING,
                    TaskState.TASK_FAILED);

            assertEquals("Command exited with status 2", failed.getMessage());
            assertTrue(Files.readString(agent.sandbox("t1").resolve("stderr")).contains("Cannot fork"));
            Eventually.await("the container's cgroup is removed", () -> children(rootOf("pids")).isEmpty());
        }
    }

    @Test
    void anIsolatorWithoutItsHierarchyStopsTheStartWithOneLine() {
        DaemonException missing = assertThrows(DaemonException.class, () -> {
            try (TestCluster cluster = new TestCluster(workDir)) {
                cluster.startAgent(Ports.free(), Ports.free(), "--isolation=cgroups/mem",
                        "--cgroups_hierarchy=" + workDir.resolve("nothing"));
            }
        });
        DaemonException badRoot = assertThrows(DaemonException.class, () -> {
            try (TestCluster cluster = new TestCluster(workDir)) {
                cluster.startAgent(Ports.free(), Ports.free(), "--cgroups_root=../up");
            }
        });

        assertEquals("Invalid --isolation 'cgroups/mem': the isolator cannot work on this host: no cgroup hierarchy"
                + " with the 'memory' controller is mounted under " + workDir.resolve("nothing")
                + " (v1, or v2 listing it in cgroup.controllers)", missing.getMessage());
        assertEquals("Invalid --cgroups_root '../up': expected cgroup names separated by '/', e.g. 'mesos', without"
                + " '.' or '..'", badRoot.getMessage());
    }

    /** Starts an agent with a cgroups root of this test's; skips the test where the isolators cannot work. */
    private LinkedAgent start(String... flags) throws Exception {
        String[] all = Stream.concat(Stream.of(flags), Stream.of("--cgroups_root=" + root)).toArray(String[]::new);
        try {
            return LinkedAgent.start(workDir, all);
        } catch (DaemonException e) {
            Assumptions.abort("cgroups cannot be used here (root and writable v1 hierarchies are needed): "
                    + e.getMessage());
            throw e;
        }
    }

    /** The agent's root cgroup in the hierarchy of {@code controller}: v1's own mount, else the v2 one. */
    private Path rootOf(String controller) {
        Path v1 = HIERARCHY.resolve(controller);
        return (Files.isDirectory(v1) ? v1 : HIERARCHY).resolve(root);
    }

    private static List<Path> children(Path cgroup) throws IOException {
        if (!Files.isDirectory(cgroup)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(cgroup)) {
            return entries.filter(Files::isDirectory).toList();
        }
    }

    private static Path only(Path cgroup) throws IOException {
        List<Path> containers = children(cgroup);
        assertEquals(1, containers.size(), containers.toString());
        return containers.get(0);
    }

    @SuppressWarnings("unchecked")
    private static double number(LinkedAgent agent, String field) throws Exception {
        HttpResponse<byte[]> response = Http.get(agent.uri("/monitor/statistics"));
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        List<Map<String, Object>> entries = (List<Map<String, Object>>) JsonTree.parse(Http.text(response));
        assertEquals(1, entries.size(), entries.toString());
        return JsonTree.number(JsonTree.object(entries.get(0), "statistics"), field).doubleValue();
    }

    private static TaskInfo.Builder withMem(TaskInfo.Builder task, double mb) {
        return task.addResources(Resource.newBuilder().setName("mem").setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(mb))
                .setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole("*")));
    }
}
