package org.meseta.console.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.apache.mesos.v1.Protos.TaskState;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.launch.TaskDefinition;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.ui.preferences.PaletteStore;
import org.meseta.console.ui.testing.Consoles;
import org.meseta.console.ui.testing.RealCluster;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.ViewHarness;
import org.meseta.daemon.Daemon;

/**
 * The Topology part on a real display against a real master with three real agents and real frameworks
 * ({@link RealCluster}), followed by the console's own client at its default pace: the tiles appear, launched
 * tasks appear inside the tile of the agent they run on, and an agent that stops turns unreachable. The last
 * picture is the documentation's screenshot of the view.
 */
@Timeout(90)
class TopologyPartAgainstRealMasterTest {

    @TempDir
    Path workDir;

    private ViewHarness harness;
    private RealCluster cluster;
    private Display display;
    private Shell shell;
    private ClusterClient client;
    private TopologyPart part;

    @BeforeEach
    void openPart() {
        harness = ViewHarness.open(workDir, 1140, 560);
        cluster = harness.cluster();
        display = harness.display();
        shell = harness.shell();
        client = harness.client();
        // A definition in the palette, as the documentation's picture shows it.
        PaletteStore palette = Consoles.paletteStore(new TaskDefinition("web", "python3 -m http.server $PORT",
                "cpus:0.5;mem:128", "web", "PORT=8080"));
        part = new TopologyPart(client, harness.calls(), harness.framework(), palette, harness.ui());
        harness.view(part::dispose);
        part.createControls(shell);
        shell.open();
    }

    @AfterEach
    void closeEverything() throws Exception {
        harness.close();
    }

    @Test
    void tilesFollowAgentsAndTheTasksLaunchedOnThem() throws Exception {
        cluster.startMaster();
        cluster.startAgent("node-a.test", "cpus:4;mem:8192;disk:20480;ports:[31000-31099]", "rack:r1;zone:a");
        Daemon.Running nodeB = cluster.startAgent("node-b.test", "cpus:1;mem:1024;disk:10240", "rack:r2;zone:a");
        cluster.startAgent("node-c.test", "cpus:8;mem:16384;disk:40960;ports:[31000-31999]", "rack:r1;zone:b");
        client.connect(cluster.master());

        String connected = "Connected to " + cluster.master() + " · 3 agents";
        waitUntil(() -> tiles().size() == 3 && part.status().equals(connected), "three tiles, connected");
        assertEquals(List.of("node-a.test", "node-b.test", "node-c.test"),
                tiles().stream().map(AgentView::hostname).toList());
        assertTrue(tiles().stream().allMatch(agent -> agent.state() == AgentState.ACTIVE), tiles()::toString);

        // Neither fits node-b, which stops later.
        cluster.launch("web-1", "sleep 600", "cpus:1.5;mem:2048");
        cluster.launch("batch-1", "sleep 600", "cpus:0.5;mem:1536");
        waitUntil(() -> running("web-1").isPresent() && running("batch-1").isPresent(), "both tasks running");
        for (String task : List.of("web-1", "batch-1")) {
            AgentView host = running(task).orElseThrow();
            assertEquals(1, tiles().stream().filter(agent -> agent.tasks().stream()
                    .anyMatch(view -> view.key().taskId().equals(task))).count(), task + " in one tile only");
            assertTrue(part.tiles().tileOf(host.id()).isPresent());
            assertTrue(host.resources().used().cpus() >= 0.5, () -> host.resources().toString());
        }
        assertEquals("3 agents · 2 tasks", part.summary());

        String idle = tiles().stream().filter(agent -> agent.hostname().equals("node-b.test")).findFirst()
                .orElseThrow().id();
        nodeB.close();
        waitUntil(() -> stateOf(idle) == AgentState.UNREACHABLE, "node-b unreachable");

        // The highlights fade out before the picture is taken.
        long calm = System.nanoTime() + Duration.ofMillis(TopologyCanvas.HIGHLIGHT_MILLIS + 300).toNanos();
        waitUntil(() -> System.nanoTime() > calm, "the highlights gone");
        File png = new File(TestOutput.directory(), "screenshots/topology-real-master.png");
        Ui.screenshot(shell, png);
        assertTrue(png.length() > 1000, () -> png + " should hold a picture");
        Optional<File> docs = TestOutput.docsImages();
        if (docs.isPresent()) {
            Files.copy(png.toPath(), docs.get().toPath().resolve("console-topology.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private List<AgentView> tiles() {
        return part.tiles().shown();
    }

    private AgentState stateOf(String agentId) {
        return tiles().stream().filter(agent -> agent.id().equals(agentId)).findFirst().orElseThrow().state();
    }

    /** The agent whose tile holds task {@code name} running. */
    private Optional<AgentView> running(String name) {
        return tiles().stream().filter(agent -> agent.tasks().stream().anyMatch(task -> isRunning(task, name)))
                .findFirst();
    }

    private static boolean isRunning(TaskView task, String name) {
        return task.key().taskId().equals(name) && task.state() == TaskState.TASK_RUNNING;
    }

    private void waitUntil(BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, Duration.ofSeconds(20), condition, expectation,
                () -> "status '" + part.status() + "', tiles " + tiles().stream()
                        .map(agent -> agent.hostname() + " " + agent.state() + " " + agent.tasks().size() + " tasks")
                        .toList());
    }
}
