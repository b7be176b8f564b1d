package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.framework;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.daemon.DaemonException;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.LogCapture;

/**
 * Meseta's isolation settings API on a real agent over HTTP: the settings read, changed and read back, every refusal
 * naming its field with nothing changed, the change saved under the work_dir and winning over the flags after a
 * restart, and (with real cgroups, skipped where the host has none writable) a new pids limit and CFS quota written
 * to a running container's cgroups and given to the next task.
 */
class IsolationSettingsTest {

    private static final String PATH = "/api/v1/meseta/isolation";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path workDir;

    private final String root = "meseta-test-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeRoots() throws IOException {
        for (String controller : List.of("cpu", "cpuacct", "memory", "pids")) {
            Files.deleteIfExists(cgroupRoot(controller)); // empty once the agent removed its containers' cgroups
        }
    }

    @Test
    void theSettingsAreTheFlagsWithTheInstalledIsolatorsAndWhatRunningContainersTake() throws Exception {
        try (LinkedAgent agent = LinkedAgent.start(workDir, "--isolation=posix/cpu", "--cgroups_pids_max=64",
                "--cgroups_root=" + root)) {
            Map<String, Object> settings = Http.getJson(agent.uri(PATH));

            assertEquals(List.of("posix/cpu"), JsonTree.array(settings, "isolation"));
            assertFalse(JsonTree.bool(settings, "cgroups_enable_cfs"));
            assertEquals("hard", JsonTree.string(settings, "memory_limit_mode"));
            assertEquals(List.of("hard"), JsonTree.array(settings, "memory_limit_modes"));
            assertEquals(64, JsonTree.number(settings, "pids_limit").intValue());
            assertEquals(root, JsonTree.string(settings, "cgroups_root"));
            assertTrue(JsonTree.array(settings, "installed_isolators").containsAll(List.of("cgroups/cpu",
                    "cgroups/mem", "cgroups/pids", "filesystem/posix", "namespaces/pid", "posix/cpu", "posix/mem")),
                    settings.toString());
            assertEquals(Map.of("isolation", false, "cgroups_enable_cfs", true, "memory_limit_mode", false,
                    "pids_limit", true, "cgroups_root", false), JsonTree.object(settings, "applies_to_running"));
            assertEquals(settings, Http.getJson(agent.uri("/slave(1)" + PATH)));
        }
    }

    @Test
    void aChangeIsAnsweredWithTheNewSettingsAndReadBack() throws Exception {
        try (LinkedAgent agent = LinkedAgent.start(workDir, "--isolation=posix/cpu")) {
            HttpResponse<byte[]> put = put(agent, "{\"isolation\": [\"posix/cpu\", \"posix/mem\"], \"pids_limit\":"
                    + " \"max\", \"cgroups_enable_cfs\": true}");

            assertEquals(200, put.statusCode(), () -> Http.text(put));
            Map<String, Object> answered = JsonTree.parseObject(Http.text(put));
            Map<String, Object> applied = JsonTree.object(answered, "applied");
            assertEquals(List.of("isolation", "cgroups_enable_cfs", "pids_limit"), JsonTree.array(applied,
                    "changed"));
            assertEquals(List.of("cgroups_enable_cfs", "pids_limit"), JsonTree.array(applied, "to_running"));
            assertEquals(List.of(), JsonTree.array(applied, "running_containers"));
            Map<String, Object> read = Http.getJson(agent.uri(PATH));
            assertEquals(List.of("posix/cpu", "posix/mem"), JsonTree.array(read, "isolation"));
            assertEquals("max", JsonTree.string(read, "pids_limit"));
            assertTrue(JsonTree.bool(read, "cgroups_enable_cfs"));
            answered.remove("applied");
            assertEquals(answered, read);

            // What was read may be sent back as it is (POST works as PUT): nothing changes.
            HttpResponse<byte[]> again = Http.post(agent.uri("/slave(1)" + PATH), Http.text(Http.get(agent.uri(PATH))));
            assertEquals(200, again.statusCode(), () -> Http.text(again));
            assertEquals(List.of(), JsonTree.array(JsonTree.object(JsonTree.parseObject(Http.text(again)), "applied"),
                    "changed"));
        }
    }

    @Test
    void eachRefusalNamesItsFieldAndChangesNothing() throws Exception {
        try (LinkedAgent agent = LinkedAgent.start(workDir, "--isolation=posix/cpu",
                "--cgroups_hierarchy=" + workDir.resolve("no-cgroups"))) {
            Map<String, Object> before = Http.getJson(agent.uri(PATH));

            assertEquals(Map.of("pids_limit", "must be a positive integer or \"max\"",
                    "cgroups_enable_cfs", "must be true or false",
                    "memory_limit_mode", "must be one of: hard",
                    "cgroups_root", "must be cgroup names separated by '/', e.g. \"mesos\", without '.' or '..'",
                    "swap", "is not an isolation setting (settings: isolation, cgroups_enable_cfs, memory_limit_mode,"
                            + " pids_limit, cgroups_root)"),
                    refusals(agent, "{\"isolation\": [\"posix/mem\"], \"pids_limit\": 0, \"cgroups_enable_cfs\":"
                            + " \"yes\", \"memory_limit_mode\": \"soft\", \"cgroups_root\": \"../up\", \"swap\": 1}"));
            assertEquals(Map.of("pids_limit", "must be a positive integer or \"max\""),
                    refusals(agent, "{\"pids_limit\": \"lots\"}"));
            assertEquals(Map.of("isolation", "duplicate entry 'posix/cpu'"),
                    refusals(agent, "{\"isolation\": [\"posix/cpu\", \"posix/cpu\"]}"));
            assertEquals(Map.of("isolation", "no isolator named 'gpu/nvidia' is installed (installed: cgroups/cpu,"
                    + " cgroups/mem, cgroups/pids, filesystem/posix, namespaces/pid, posix/cpu, posix/mem)"),
                    refusals(agent, "{\"isolation\": [\"posix/mem\", \"gpu/nvidia\"]}"));
            assertEquals(Map.of("isolation", "isolator 'cgroups/mem' cannot work on this host: no cgroup hierarchy"
                    + " with the 'memory' controller is mounted under " + workDir.resolve("no-cgroups")
                    + " (v1, or v2 listing it in cgroup.controllers)"),
                    refusals(agent, "{\"isolation\": [\"posix/mem\", \"cgroups/mem\"], \"pids_limit\": 5}"));
            assertEquals(Map.of("body", "expected a JSON object"), refusals(agent, "[]"));
            assertTrue(refusals(agent, "{\"pids_limit\": ").containsKey("body"));

            assertEquals(before, Http.getJson(agent.uri(PATH)));
            assertFalse(Files.exists(workDir.resolve("agent/meta/isolation.json")));
        }
    }

    @Test
    void aChangeIsSavedInTheWorkDirAndWinsOverTheFlagsAfterARestart() throws Exception {
        try (LinkedAgent agent = LinkedAgent.start(workDir, "--isolation=posix/cpu", "--cgroups_pids_max=64")) {
            assertEquals(200, put(agent, "{\"isolation\": [\"posix/mem\"], \"pids_limit\": 99}").statusCode());
        }
        Path saved = workDir.resolve("agent/meta/isolation.json");
        assertTrue(Files.exists(saved));
        assertFalse(Files.exists(saved.resolveSibling("isolation.json.tmp")));
        // The restarted agent listens on another port: it registers anew rather than under the checkpointed id.
        Files.delete(workDir.resolve("agent/meta/slaves/latest"));

        try (LogCapture log = LogCapture.of(AgentDaemon.class);
                LinkedAgent agent = LinkedAgent.start(workDir, "--isolation=posix/cpu", "--cgroups_pids_max=64")) {
            Map<String, Object> settings = Http.getJson(agent.uri(PATH));

            assertEquals(List.of("posix/mem"), JsonTree.array(settings, "isolation"));
            assertEquals(99, JsonTree.number(settings, "pids_limit").intValue());
            assertEquals(1, log.messages().stream().filter(line -> line.startsWith("Isolation settings from " + saved
                    + " override the --isolation and --cgroups_* flags")).count(), log.messages().toString());
        }
    }

    @Test
    void aSavedFileThatIsInvalidStopsTheStartNamingTheField() throws Exception {
        Path saved = workDir.resolve("agent/meta/isolation.json");
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, "{\"pids_limit\": -3}");

        DaemonException refused = assertThrows(DaemonException.class,
                () -> LinkedAgent.start(workDir).close());

        assertEquals("Invalid isolation settings in " + saved + ": pids_limit: must be a positive integer or"
                + " \"max\"; fix or remove the file", refused.getMessage());
    }

    @Test
    void aNewPidsLimitAndCfsReachTheRunningContainerAndTheNextTask() throws Exception {
        try (LinkedAgent agent = startWithCgroups("--isolation=cgroups/cpu,cgroups/pids", "--cgroups_pids_max=16")) {
            agent.run(framework(), commandTask("t1", "sleep 1000"));
            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
            Path first = only(cgroupRoot("pids"));
            assertEquals("16", read(first, "pids.max"));
            assertEquals("-1", read(cgroupRoot("cpu").resolve(first.getFileName()), "cpu.cfs_quota_us"));

            HttpResponse<byte[]> put = put(agent, "{\"pids_limit\": 32, \"cgroups_enable_cfs\": true}");

            assertEquals(200, put.statusCode(), () -> Http.text(put));
            Map<String, Object> applied = JsonTree.object(JsonTree.parseObject(Http.text(put)), "applied");
            assertEquals(List.of(Map.of("container_id", first.getFileName().toString(), "applied", true,
                    "failures", List.of())), JsonTree.array(applied, "running_containers"));
            assertEquals("32", read(first, "pids.max"));
            assertEquals("10000", read(cgroupRoot("cpu").resolve(first.getFileName()), "cpu.cfs_quota_us"));

            agent.run(framework(), commandTask("t2", "sleep 1000"));
            agent.acknowledgeStates("t2", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
            Path second = children(cgroupRoot("pids")).stream().filter(dir -> !dir.equals(first)).findFirst()
                    .orElseThrow();
            assertEquals("32", read(second, "pids.max"));
            assertEquals("10000", read(cgroupRoot("cpu").resolve(second.getFileName()), "cpu.cfs_quota_us"));
        }
        assertEquals(List.of(), children(cgroupRoot("pids")), "the agent's stop removed the containers' cgroups");
    }

    @Test
    void anIsolatorEnabledAtRuntimeIsolatesTheNextTaskOnly() throws Exception {
        try (LinkedAgent agent = startWithCgroups("--isolation=cgroups/pids")) {
            agent.run(framework(), commandTask("t1", "sleep 1000"));
            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);

            HttpResponse<byte[]> put = put(agent, "{\"isolation\": [\"cgroups/pids\", \"cgroups/mem\"]}");

            assertEquals(200, put.statusCode(), () -> Http.text(put));
            assertEquals(List.of(), children(cgroupRoot("memory")), "the running container keeps its isolators");
            agent.run(framework(), commandTask("t2", "sleep 1000"));
            agent.acknowledgeStates("t2", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
            assertEquals(1, children(cgroupRoot("memory")).size());
            assertEquals(2, children(cgroupRoot("pids")).size());
        }
        Eventually.await("the agent's stop removed the containers' cgroups",
                () -> children(cgroupRoot("memory")).isEmpty() && children(cgroupRoot("pids")).isEmpty());
    }

    private static HttpResponse<byte[]> put(LinkedAgent agent, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(agent.uri(PATH)).timeout(Duration.ofSeconds(10))
                .PUT(BodyPublishers.ofString(body)).header("Content-Type", Http.JSON).build();
        return CLIENT.send(request, BodyHandlers.ofByteArray());
    }

    /** The refusal of {@code body}: status 400, and each error's message by its field. */
    private static Map<String, String> refusals(LinkedAgent agent, String body) throws Exception {
        HttpResponse<byte[]> response = put(agent, body);
        assertEquals(400, response.statusCode(), () -> Http.text(response));
        assertEquals(Http.JSON, Http.contentType(response));
        return JsonTree.objects(JsonTree.parseObject(Http.text(response)), "errors").stream()
                .collect(Collectors.toMap(error -> JsonTree.string(error, "field"),
                        error -> JsonTree.string(error, "message")));
    }

    /** Starts an agent with a cgroups root of this test's; skips the test where the isolators cannot work. */
    private LinkedAgent startWithCgroups(String... flags) throws Exception {
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
    private Path cgroupRoot(String controller) {
        Path v1 = Path.of("/sys/fs/cgroup").resolve(controller);
        return (Files.isDirectory(v1) ? v1 : Path.of("/sys/fs/cgroup")).resolve(root);
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

    private static String read(Path cgroup, String file) throws IOException {
        return Files.readString(cgroup.resolve(file)).strip();
    }
}
