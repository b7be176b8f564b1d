package org.meseta.console.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;

import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.PollSettings;
import org.meseta.console.ui.testing.Ui;
import org.meseta.testing.FakeMaster;
import org.meseta.testing.GetAgentsJson;

/**
 * The Agents part on a real display, fed by a real cluster client polling a fake master at the
 * console's default pace (so "within 2 s" is what a user would see).
 */
@Timeout(60)
class AgentsPartTest {

    private static final Duration FOLLOW_LIMIT = Duration.ofSeconds(2);
    private static final String NODE_A = GetAgentsJson.agent("M-S0", "node-a", true, new double[] {4, 8192, 20480},
            new double[] {1, 2048, 0}, "rack:r1;zone:a");
    private static final String NODE_B = GetAgentsJson.agent("M-S1", "node-b", false, new double[] {2, 3072, 1024},
            new double[] {0.5, 512, 1024}, "");

    private Display display;
    private Shell shell;
    private FakeMaster master;
    private ClusterClient client;
    private AgentsPart part;
    private AgentsPartReader shown;

    @BeforeEach
    void openPart() throws Exception {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setText("Meseta Console");
        shell.setSize(1180, 320);
        master = FakeMaster.start();
        client = ClusterClients.create(PollSettings.DEFAULT);
        part = new AgentsPart(client, new DisplayUISynchronize(display));
        part.createControls(shell);
        shown = new AgentsPartReader(part, display);
        shell.open();
    }

    @AfterEach
    void closePart() {
        part.dispose();
        client.close();
        master.close();
        shell.dispose();
        Ui.flush(display);
    }

    @Test
    void showsEachAgentsColumnsAndTheConnection() {
        master.answer(GetAgentsJson.getAgents(NODE_A));

        client.connect(address());

        shown.waitForRows(1);
        assertEquals(List.of("node-a", "M-S0", "1 / 4", "2 GB / 8 GB", "0 MB / 20 GB", "rack:r1;zone:a", "yes"),
                shown.cells(0));
        shown.waitForStatus("Connected to " + address() + " · 1 agent");
    }

    @Test
    void followsAgentsJoiningChangingAndLeavingWithinTwoSeconds() {
        master.answer(GetAgentsJson.getAgents(NODE_A));
        client.connect(address());
        shown.waitForRows(1);

        master.answer(GetAgentsJson.getAgents(NODE_B, GetAgentsJson.agent("M-S0", "node-a", true,
                new double[] {4, 8192, 20480}, new double[] {3.5, 6144, 0}, "rack:r1;zone:a")));
        shown.waitUntil(FOLLOW_LIMIT,
                () -> shown.rowCount() == 2 && "3.5 / 4".equals(shown.cell(0, AgentColumn.CPUS)),
                "node-a using 3.5 CPUs and node-b below it");
        assertEquals(List.of("node-b", "M-S1", "0.5 / 2", "512 MB / 3 GB", "1 GB / 1 GB", "", "no"), shown.cells(1));
        shown.waitForStatus("Connected to " + address() + " · 2 agents");

        master.answer(GetAgentsJson.getAgents(NODE_B));
        shown.waitUntil(FOLLOW_LIMIT,
                () -> shown.rowCount() == 1 && "node-b".equals(shown.cell(0, AgentColumn.HOSTNAME)),
                "only node-b left");
    }

    @Test
    void saysWhenTheMasterIsUnreachableAndReconnectsByItself() throws Exception {
        master.answer(GetAgentsJson.getAgents(NODE_A));
        client.connect(address());
        shown.waitForRows(1);

        master.stop();
        String down = "Master " + address() + " unreachable (connection refused) · retrying in ";
        shown.waitUntil(Ui.PATIENCE, () -> part.status().startsWith(down), "a status starting '" + down + "'");
        assertEquals(1, shown.rowCount(), "the last known agents stay visible");

        master.restart();
        shown.waitForStatus("Connected to " + address() + " · 1 agent");
    }

    @Test
    void savesAScreenshotOfTheAgentsView() {
        master.answer(GetAgentsJson.getAgents(NODE_A, NODE_B,
                GetAgentsJson.agent("M-S2", "node-c", true, new double[] {16, 65536, 102400},
                        new double[] {12, 49152, 2048}, "rack:r2;zone:b;gpu:none")));
        client.connect(address());
        shown.waitForRows(3);

        File png = new File(TestOutput.directory(), "screenshots/agents-view.png");
        Ui.screenshot(shell, png);

        assertTrue(png.length() > 1000, () -> png + " should hold a picture");
    }

    private MasterAddress address() {
        return MasterAddress.of(master.uri());
    }
}
