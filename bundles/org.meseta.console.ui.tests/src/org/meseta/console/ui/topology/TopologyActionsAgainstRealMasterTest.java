package org.meseta.console.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.ui.testing.Consoles;
import org.meseta.console.ui.testing.RealCluster;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.ViewHarness;
import org.meseta.console.ui.testing.Widgets;

/**
 * A tile's context menu against a real master and agent: a right click on the tile chooses the agent the menu acts
 * on; the outcome shows under the tiles and the tile takes the agent's new state.
 */
@Timeout(90)
class TopologyActionsAgainstRealMasterTest {

    @TempDir
    Path workDir;

    private ViewHarness harness;
    private RealCluster cluster;
    private Display display;
    private Shell shell;
    private ClusterClient client;
    private TopologyPart part;

    @BeforeEach
    void openPart() throws Exception {
        harness = ViewHarness.open(workDir, 1140, 560);
        cluster = harness.cluster();
        display = harness.display();
        shell = harness.shell();
        client = harness.client();
        cluster.startMaster();
        cluster.startAgent("node-a.test", "cpus:2;mem:1024;disk:2048", "rack:r1");
        cluster.startAgent("node-b.test", "cpus:2;mem:1024;disk:2048", "rack:r2");
        part = new TopologyPart(client, harness.calls(), harness.framework(), Consoles.paletteStore(), harness.ui());
        harness.view(part::dispose);
        part.createControls(shell);
        shell.open();
        client.connect(cluster.master());
        waitUntil(() -> part.tiles().shown().size() == 2, "two tiles");
    }

    @AfterEach
    void closeEverything() throws Exception {
        harness.close();
    }

    @Test
    void theMenuOfTheTileRightClickedDeactivatesAndReactivatesItsAgent() {
        AgentView nodeB = part.tiles().shown().get(1);
        rightClick(nodeB);
        assertEquals(nodeB.id(), part.tiles().selected().orElseThrow().id());
        assertEquals(List.of("Drain…", "Deactivate", "Mark gone…", "Isolation settings…"),
                Widgets.enabledMenuItems(part.tiles().control()));

        Widgets.click(Widgets.menuItem(part.tiles().control(), "Deactivate"));
        waitUntil(() -> part.actions().message().equals("Deactivate node-b.test: done")
                && stateOf(nodeB.id()) == AgentState.DEACTIVATED, "node-b deactivated");
        assertEquals(AgentState.ACTIVE, part.tiles().shown().get(0).state(), "node-a untouched");

        Widgets.click(Widgets.menuItem(part.tiles().control(), "Reactivate"));
        waitUntil(() -> part.actions().message().equals("Reactivate node-b.test: done")
                && stateOf(nodeB.id()) == AgentState.ACTIVE, "node-b active again");
    }

    private void rightClick(AgentView agent) {
        Rectangle tile = part.tiles().tileOf(agent.id()).orElseThrow();
        Event down = new Event();
        down.button = 3;
        down.x = tile.x + tile.width / 2;
        down.y = tile.y + tile.height / 2;
        part.tiles().control().notifyListeners(SWT.MouseDown, down);
    }

    private AgentState stateOf(String id) {
        return part.tiles().shown().stream().filter(agent -> agent.id().equals(id)).findFirst().orElseThrow()
                .state();
    }

    private void waitUntil(BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, Ui.PATIENCE, condition, expectation, () -> "'" + part.actions().message() + "', tiles "
                + part.tiles().shown().stream().map(agent -> agent.hostname() + " " + agent.state().label())
                        .toList());
    }
}
