package org.meseta.console.ui.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.mesos.v1.Protos.TaskState;
import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.CallClients;
import org.meseta.console.core.launch.ConsoleFramework;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.model.AgentResources;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.ui.testing.Clusters;
import org.meseta.console.ui.testing.Consoles;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;

/**
 * The Topology part on a real display, told connection states and changes as its feed tells them, without a
 * master: its status line, summary and filters. Following a real master is {@link TopologyPartAgainstRealMasterTest}.
 */
@Timeout(60)
class TopologyPartTest {

    private static final MasterAddress MASTER = MasterAddress.parse("127.0.0.1:5050");
    private static final AgentView WEB = Clusters.withRoles(Clusters.agent("M-S0", "node-a", "rack:r1"), "web");
    private static final AgentView BATCH = Clusters.withRoles(Clusters.agent("M-S1", "node-b", "rack:r2"), "batch",
            "*");
    private static final AgentView LOST = Clusters.withState(Clusters.agent("M-S2", "node-c", "rack:r1"),
            AgentState.UNREACHABLE);

    private Display display;
    private Shell shell;
    private ClusterClient client;
    private CallClient calls;
    private ConsoleFramework framework;
    private TopologyPart part;

    @BeforeEach
    void openPart() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1180, 520);
        client = ClusterClients.create();
        calls = CallClients.following(client);
        framework = Consoles.framework(client);
        part = new TopologyPart(client, calls, framework, Consoles.paletteStore(), new DisplayUISynchronize(display));
        part.createControls(shell);
        // The test plays the feed itself: the part's own is closed at once, so the idle client tells it nothing.
        part.dispose();
        shell.open();
        part.connectionChanged(new ConnectionState.Connected(MASTER, MASTER, Optional.empty()));
        part.clusterChanged(ClusterChange.resetTo(Clusters.state(List.of(WEB, BATCH, LOST))));
    }

    @AfterEach
    void closePart() {
        framework.close();
        calls.close();
        client.close();
        shell.dispose();
        Ui.flush(display);
    }

    @Test
    void saysWhereTheConnectionStandsAndHowManyAgentsAndTasksItShows() {
        assertEquals("Connected to 127.0.0.1:5050 · 3 agents", part.status());
        assertEquals("3 agents · 0 tasks", part.summary());

        part.connectionChanged(new ConnectionState.Connecting(MASTER));
        assertEquals("Connecting to 127.0.0.1:5050…", part.status());
    }

    @Test
    void theRoleFilterOffersEveryRoleOfTheAgents() {
        assertArrayEquals(new String[] {TopologyPart.ANY_ROLE, "*", "batch", "web"}, part.roleFilter().getItems());

        choose(part.roleFilter(), "web");

        assertEquals(List.of("M-S0"), part.tiles().shown().stream().map(AgentView::id).toList());
        assertEquals("1 of 3 agents · 0 tasks", part.summary());

        part.clusterChanged(Clusters.changed(Clusters.state(List.of(WEB, BATCH)), "M-S2"));
        assertEquals("web", part.roleFilter().getText(), "the chosen role stays chosen");
    }

    @Test
    void theStateAndAttributeFiltersNarrowTheTiles() {
        choose(part.stateFilter(), AgentState.UNREACHABLE.label());
        assertEquals(List.of("M-S2"), part.tiles().shown().stream().map(AgentView::id).toList());

        choose(part.stateFilter(), TopologyPart.ANY_STATE);
        part.attributesFilter().setText("rack:r1");
        assertEquals(List.of("M-S0", "M-S2"), part.tiles().shown().stream().map(AgentView::id).toList());
        assertEquals("2 of 3 agents · 0 tasks", part.summary());
    }

    @Test
    void savesAScreenshotOfABusyCluster() throws Exception {
        List<AgentView> agents = new ArrayList<>();
        AgentState[] states = AgentState.values();
        TaskState[] taskStates = {TaskState.TASK_RUNNING, TaskState.TASK_RUNNING, TaskState.TASK_RUNNING,
            TaskState.TASK_STAGING, TaskState.TASK_KILLING};
        for (int i = 0; i < 48; i++) {
            AgentState agentState = i % 9 < 6 ? AgentState.ACTIVE : states[1 + i % (states.length - 1)];
            double cpus = 16;
            double mem = 65536;
            List<TaskView> tasks = new ArrayList<>();
            for (int t = 0; t < (i * 7) % 23; t++) {
                tasks.add(Clusters.task("F-000" + t % 3, "task-" + i + "-" + t, "M-S" + i,
                        agentState == AgentState.UNREACHABLE ? TaskState.TASK_UNREACHABLE : taskStates[t % 5]));
            }
            double used = Math.min(cpus, tasks.size() * 0.6);
            double offered = agentState == AgentState.ACTIVE && i % 3 == 0 ? Math.min(cpus - used, 4) : 0;
            AgentView agent = Clusters.agent("M-S" + i, String.format("node-%02d.dc1", i), agentState,
                    new double[] {cpus, mem, 409600, 1001}, new double[4], "rack:r" + (i / 12 + 1) + ";zone:" + "abc"
                            .charAt(i % 3), 0);
            agent = Clusters.withResources(agent, new AgentResources(agent.resources().total(),
                    new Amounts(used, tasks.size() * 2048.0, tasks.size() * 1024.0, tasks.size()),
                    new Amounts(offered, offered * 4096, 0, offered > 0 ? 100 : 0),
                    new Amounts(i % 4 == 0 ? 4 : 0, i % 4 == 0 ? 16384 : 0, 0, 0)));
            agents.add(Clusters.withTasks(agent, tasks));
        }
        part.clusterChanged(ClusterChange.resetTo(Clusters.state(agents)));
        part.tiles().setZoom(TileLayout.DEFAULT_ZOOM - 1);
        shell.setSize(1140, 640);
        Ui.waitUntil(display, Ui.PATIENCE, () -> !part.tiles().takePainted().isEmpty(), "tiles painted",
                () -> "none");

        File png = new File(TestOutput.directory(), "screenshots/topology-busy.png");
        Ui.screenshot(shell, png);

        assertTrue(png.length() > 1000, () -> png + " should hold a picture");
        Optional<File> docs = TestOutput.docsImages();
        if (docs.isPresent()) {
            Files.copy(png.toPath(), docs.get().toPath().resolve("console-topology-busy.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void choose(Combo combo, String item) {
        combo.select(combo.indexOf(item));
        combo.notifyListeners(SWT.Selection, new Event());
    }
}
