package org.meseta.console.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.RealCluster;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.TaskView;

/**
 * The sandbox of a task a real agent runs, read through the agent's real {@code /files}: browsed, its stdout read
 * and tailed while the task writes to it, and a missing file explained.
 */
@Timeout(90)
class SandboxFilesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path workDir;

    private RealCluster cluster;
    private ClusterClient client;
    private SandboxFiles files;

    @BeforeEach
    void start() throws Exception {
        cluster = new RealCluster(workDir);
        client = ClusterClients.create();
        files = SandboxFiles.create(Optional.empty(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        files.close();
        client.close();
        cluster.close();
    }

    @Test
    void aRunningTasksSandboxIsBrowsedAndItsStdoutTailed() throws Exception {
        cluster.startMaster();
        cluster.startAgent("node-f.test", "cpus:1;mem:256;disk:256", "");
        cluster.launch("talker", "for i in $(seq 1 600); do echo line $i; sleep 0.1; done", "cpus:0.1;mem:32");
        client.connect(cluster.master());
        Sandbox sandbox = awaitSandbox("talker");

        List<FileEntry> entries = files.browse(sandbox.agent(), sandbox.executorDirectory())
                .get(5, TimeUnit.SECONDS);
        List<String> names = entries.stream().map(FileEntry::name).toList();
        assertTrue(names.containsAll(List.of("stdout", "stderr")), names::toString);
        assertTrue(entries.stream().filter(entry -> entry.name().equals("stdout")).noneMatch(FileEntry::isDirectory));

        FileTail tail = new FileTail(100_000);
        String stdout = sandbox.executorDirectory() + "/stdout";
        awaitText(sandbox, tail, stdout, "line 3\n");
        long before = tail.nextOffset();
        awaitText(sandbox, tail, stdout, "line 8\n");
        assertTrue(tail.nextOffset() > before, "the tail moved on");
        assertTrue(tail.text().indexOf("line 3\n") < tail.text().indexOf("line 8\n"), tail::text);
    }

    @Test
    void aMissingFileIsExplained() throws Exception {
        cluster.startMaster();
        cluster.startAgent("node-g.test", "cpus:1;mem:256;disk:256", "");
        cluster.launch("quiet", "sleep 600", "cpus:0.1;mem:32");
        client.connect(cluster.master());
        Sandbox sandbox = awaitSandbox("quiet");

        try {
            files.read(sandbox.agent(), sandbox.executorDirectory() + "/no-such-file", 0, 100).get(5,
                    TimeUnit.SECONDS);
            fail("read a file that is not there");
        } catch (ExecutionException e) {
            FilesException refused = (FilesException) e.getCause();
            assertEquals(404, refused.status());
            assertTrue(FilesException.messageOf(e).startsWith("HTTP 404"), FilesException.messageOf(e));
        }
    }

    private void awaitText(Sandbox sandbox, FileTail tail, String path, String text) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!tail.text().contains(text)) {
            if (System.nanoTime() > deadline) {
                fail("No '" + text.strip() + "' in " + path + " within " + PATIENCE + ": " + tail.text());
            }
            FileChunk chunk = files.read(sandbox.agent(), path, tail.nextOffset(), SandboxFiles.MAX_READ)
                    .get(5, TimeUnit.SECONDS);
            if (!tail.received(chunk)) {
                Thread.sleep(100);
            }
        }
    }

    private Sandbox awaitSandbox(String taskId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            ClusterState state = client.cluster();
            for (AgentView agent : state.agents().values()) {
                for (TaskView task : agent.tasks()) {
                    if (task.key().taskId().equals(taskId) && task.state() == TaskState.TASK_RUNNING) {
                        return Sandbox.of(task, agent).orElseThrow();
                    }
                }
            }
            Thread.sleep(50);
        }
        return fail("task " + taskId + " not running within " + PATIENCE + ": " + client.cluster());
    }
}
