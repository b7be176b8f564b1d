package org.meseta.console.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.CallClients;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.ui.testing.Clusters;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;

/**
 * The Agents part on a real display, told connection states and model changes as its feed tells them (on the UI
 * thread), without a master: what it shows for each. Following a real master is
 * {@link AgentsPartAgainstRealMasterTest}.
 */
@Timeout(60)
class AgentsPartTest {

    private static final MasterAddress MASTER = MasterAddress.parse("127.0.0.1:5050");
    private static final ConnectionState CONNECTED = new ConnectionState.Connected(MASTER, MASTER, Optional.empty());
    private static final AgentView NODE_A = Clusters.agent("M-S0", "node-a", AgentState.ACTIVE,
            new double[] {4, 8192, 20480}, new double[] {1, 2048, 0}, "rack:r1;zone:a", 1);
    private static final AgentView NODE_B = Clusters.agent("M-S1", "node-b", AgentState.DRAINING,
            new double[] {2, 3072, 1024}, new double[] {0.5, 512, 1024}, "", 0);

    private Display display;
    private Shell shell;
    private ClusterClient client;
    private CallClient calls;
    private AgentsPart part;
    private AgentsPartReader shown;

    @BeforeEach
    void openPart() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setText("Meseta Console");
        shell.setSize(1180, 320);
        client = ClusterClients.create();
        calls = CallClients.following(client);
        part = new AgentsPart(client, calls, new DisplayUISynchronize(display));
        part.createControls(shell);
        // The test plays the feed itself: the part's own is closed at once, so the idle client tells it nothing.
        part.dispose();
        shown = new AgentsPartReader(part, display);
        shell.open();
        assertEquals("Not connected", part.status());
    }

    @AfterEach
    void closePart() {
        calls.close();
        client.close();
        shell.dispose();
        Ui.flush(display);
    }

    private void show(AgentView... agents) {
        part.clusterChanged(ClusterChange.resetTo(Clusters.state(List.of(agents))));
    }

    @Test
    void showsEachAgentsColumnsAndTheConnection() {
        part.connectionChanged(CONNECTED);
        show(NODE_A);

        assertEquals(1, shown.rowCount());
        assertEquals(List.of("node-a", "M-S0", "1 / 4", "2 GB / 8 GB", "0 MB / 20 GB", "rack:r1;zone:a", "active"),
                shown.cells(0));
        assertEquals("Connected to 127.0.0.1:5050 · 1 agent", part.status());
    }

    @Test
    void followsAgentsJoiningChangingAndLeaving() {
        part.connectionChanged(CONNECTED);
        show(NODE_A);

        AgentView busier = Clusters.agent("M-S0", "node-a", AgentState.ACTIVE, new double[] {4, 8192, 20480},
                new double[] {3.5, 6144, 0}, "rack:r1;zone:a", 3);
        ClusterState both = Clusters.state(List.of(NODE_B, busier));
        part.clusterChanged(Clusters.changed(both, "M-S0", "M-S1"));
        assertEquals(2, shown.rowCount());
        assertEquals("3.5 / 4", shown.cell(0, AgentColumn.CPUS));
        assertEquals(List.of("node-b", "M-S1", "0.5 / 2", "512 MB / 3 GB", "1 GB / 1 GB", "", "draining"),
                shown.cells(1));
        assertEquals("Connected to 127.0.0.1:5050 · 2 agents", part.status());

        part.clusterChanged(Clusters.changed(Clusters.state(List.of(NODE_B)), "M-S0"));
        assertEquals(1, shown.rowCount());
        assertEquals("node-b", shown.cell(0, AgentColumn.HOSTNAME));
    }

    @Test
    void keepsTheLastAgentsGreyedOutWhileTheMasterIsUnreachable() {
        part.connectionChanged(CONNECTED);
        show(NODE_A);

        part.connectionChanged(new ConnectionState.Unreachable(MASTER, "connection refused", Duration.ofSeconds(2)));

        assertEquals("Master 127.0.0.1:5050 unreachable (connection refused) · retrying in 2 s", part.status());
        assertEquals(1, shown.rowCount(), "the last known agents stay visible");
        assertTrue(shown.isGreyedOut());

        part.connectionChanged(CONNECTED);
        assertEquals("Connected to 127.0.0.1:5050 · 1 agent", part.status());
        assertFalse(shown.isGreyedOut());
    }

    @Test
    void anEmptiedModelEmptiesTheTable() {
        show(NODE_A, NODE_B);

        part.clusterChanged(ClusterChange.resetTo(ClusterState.EMPTY));

        assertEquals(0, shown.rowCount());
        assertNull(part.table().viewer().getStructuredSelection().getFirstElement());
    }

    @Test
    void savesAScreenshotOfTheAgentsView() {
        part.connectionChanged(CONNECTED);
        show(NODE_A, NODE_B, Clusters.agent("M-S2", "node-c", AgentState.UNREACHABLE,
                new double[] {16, 65536, 102400}, new double[] {12, 49152, 2048}, "rack:r2;zone:b;gpu:none", 0));

        File png = new File(TestOutput.directory(), "screenshots/agents-view.png");
        Ui.screenshot(shell, png);

        assertTrue(png.length() > 1000, () -> png + " should hold a picture");
    }
}
