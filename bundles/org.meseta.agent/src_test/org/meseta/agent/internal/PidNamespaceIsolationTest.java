package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.framework;
import static org.meseta.agent.internal.LinkedAgent.gracePeriod;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.daemon.DaemonException;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;

/**
 * {@code namespaces/pid} under a real agent: a command task is pid 1 of a pid namespace of its own and sees only its
 * own processes, while the posix isolators still measure it by its host pids; killing it kills every process of its
 * namespace, even one that left the task's session; its exit status comes through; a task of another user is pid 1
 * too; and the isolator may be enabled at runtime. A host where the isolator cannot work (not root) skips them, saying why.
 */
class PidNamespaceIsolationTest {

    /** Writes what the task sees of its pids, then stays. The glob lists /proc without starting a process. */
    private static final String INSPECT = "echo $$ > self.pid; echo /proc/[0-9]* > proc.pids;"
            + " cat /proc/1/comm > init.comm; sleep 1000";

    @TempDir
    Path workDir;

    @Test
    void aTaskIsPidOneOfItsOwnNamespaceAndIsStillMeasuredByItsHostPids() throws Exception {
        try (LinkedAgent agent = start("--isolation=namespaces/pid,posix/cpu,posix/mem")) {
            agent.run(framework(), commandTask("t1", INSPECT));
            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
            Path sandbox = agent.sandbox("t1");
            Eventually.await("the task wrote what it sees", () -> !read(sandbox, "init.comm").isEmpty());

            assertEquals("1", read(sandbox, "self.pid"));
            assertEquals("/proc/1", read(sandbox, "proc.pids"), "the task alone, nothing of the host");
            assertEquals("sh", read(sandbox, "init.comm"));
            Map<String, Object> statistics = JsonTree.object(onlyStatistics(agent), "statistics");
            assertTrue(JsonTree.number(statistics, "mem_rss_bytes").signum() > 0, statistics.toString());
        }
    }

    @Test
    void killingTheTaskKillsEveryProcessOfItsNamespaceEvenOneOutsideItsSession() throws Exception {
        try (LinkedAgent agent = start("--isolation=namespaces/pid")) {
            // setsid takes the sleep out of the task's session, which a kill without namespaces/pid would miss.
            agent.run(framework(), commandTask("t1", "setsid sleep 7391 & echo started > started; wait"));
            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
            Eventually.await("the task started its sleep", () -> Files.exists(agent.sandbox("t1").resolve("started")));
            Eventually.await("the sleep runs", () -> escaped().isPresent());
            ProcessHandle sleep = escaped().orElseThrow();

            agent.kill("t1", Optional.of(gracePeriod(Duration.ZERO)));

            TaskStatus killed = agent.acknowledgeStates("t1", TaskState.TASK_KILLED);
            assertEquals("Command terminated with signal Killed", killed.getMessage());
            Eventually.await("the sleep outside the task's session is gone", () -> !sleep.isAlive());
        }
    }

    @Test
    void theTasksExitStatusComesThroughTheNamespace() throws Exception {
        try (LinkedAgent agent = start("--isolation=namespaces/pid")) {
            agent.run(framework(), commandTask("t1", "exit 3"));

            TaskStatus failed = agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING,
                    TaskState.TASK_FAILED);

            assertEquals("Command exited with status 3", failed.getMessage());
        }
    }

    @Test
    void aTaskRunAsAnotherUserEntersItsNamespaceBeforeTheUserSwitch() throws Exception {
        try (LinkedAgent agent = start("--isolation=namespaces/pid")) {
            agent.run(framework("nobody"), commandTask("t1", "echo $$ $(id -un) > who.txt"));

            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);
            assertEquals("1 nobody", read(agent.sandbox("t1"), "who.txt"));
        }
    }

    @Test
    void enabledAtRuntimeItAppliesToTheNextContainer() throws Exception {
        try (LinkedAgent agent = start("--isolation=posix/cpu")) {
            HttpResponse<byte[]> changed = Http.post(agent.uri("/api/v1/meseta/isolation"),
                    "{\"isolation\": [\"namespaces/pid\", \"posix/cpu\"]}");
            assertEquals(200, changed.statusCode(), () -> Http.text(changed));

            agent.run(framework(), commandTask("t1", "echo $$ > self.pid"));

            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);
            assertEquals("1", read(agent.sandbox("t1"), "self.pid"));
        }
    }

    /** Starts an agent; skips the test where namespaces/pid cannot work on this host. */
    private LinkedAgent start(String... flags) throws Exception {
        try {
            return LinkedAgent.start(workDir, flags);
        } catch (DaemonException e) {
            Assumptions.abort("namespaces/pid cannot be used here (root and util-linux unshare are needed): "
                    + e.getMessage());
            throw e;
        }
    }

    /** The {@code sleep 7391} the task started, seen from the host. */
    private static Optional<ProcessHandle> escaped() {
        return ProcessHandle.allProcesses().filter(process -> process.info().commandLine()
                .filter(line -> line.equals("sleep 7391") || line.endsWith("/sleep 7391")).isPresent()).findFirst();
    }

    private static String read(Path sandbox, String file) throws Exception {
        Path path = sandbox.resolve(file);
        return Files.exists(path) ? Files.readString(path).strip() : "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyStatistics(LinkedAgent agent) throws Exception {
        HttpResponse<byte[]> response = Http.get(agent.uri("/monitor/statistics"));
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        List<Map<String, Object>> entries = (List<Map<String, Object>>) JsonTree.parse(Http.text(response));
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }
}
