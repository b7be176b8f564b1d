package org.meseta.console.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.CallClients;
import org.meseta.console.ui.testing.RealCluster;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;
import org.meseta.daemon.Daemon;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;

/**
 * The Agents part on a real display against a real master and agent ({@link RealCluster}), followed by the
 * console's own client at its default pace.
 */
@Timeout(60)
class AgentsPartAgainstRealMasterTest {

    private static final String AGENT_HOSTNAME = "agent-r1.test";

    @TempDir
    Path workDir;

    private RealCluster cluster;
    private Display display;
    private Shell shell;
    private ClusterClient client;
    private CallClient calls;
    private AgentsPart part;
    private AgentsPartReader shown;

    @BeforeEach
    void openPart() {
        cluster = new RealCluster(workDir);
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setText("Meseta Console");
        shell.setSize(1180, 200);
        client = ClusterClients.create();
        calls = CallClients.following(client);
        part = new AgentsPart(client, calls, new DisplayUISynchronize(display));
        part.createControls(shell);
        shown = new AgentsPartReader(part, display);
        shell.open();
    }

    @AfterEach
    void closeEverything() throws Exception {
        part.dispose();
        calls.close();
        client.close();
        shell.dispose();
        Ui.flush(display);
        cluster.close();
    }

    @Test
    void showsTheRegisteredAgentAndSeesItBecomeUnreachableWhenItStops() throws Exception {
        cluster.startMaster();
        Daemon.Running agent = cluster.startAgent(AGENT_HOSTNAME, "cpus:2;mem:1024;disk:2048", "rack:r1");
        client.connect(cluster.master());

        shown.waitForRows(1);
        String masterId = JsonTree.string(Http.getJson(URI.create("http://" + cluster.master() + "/state")), "id");
        assertEquals(List.of(AGENT_HOSTNAME, masterId + "-S0", "0 / 2", "0 MB / 1 GB", "0 MB / 2 GB", "rack:r1",
                "active"), shown.cells(0));
        shown.waitForStatus("Connected to " + cluster.master() + " · 1 agent");
        File png = new File(TestOutput.directory(), "screenshots/agents-real-master.png");
        Ui.screenshot(shell, png);
        assertTrue(png.length() > 1000, () -> png + " should hold a picture");

        agent.close();

        shown.waitUntil(Ui.PATIENCE, () -> shown.rowCount() == 1
                && "unreachable".equals(shown.cell(0, AgentColumn.STATE)), "the agent's row unreachable");
        assertEquals(masterId + "-S0", shown.cell(0, AgentColumn.AGENT_ID));
    }
}
