package org.meseta.console.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.PollSettings;
import org.meseta.console.ui.testing.AgentsJson;
import org.meseta.console.ui.testing.FakeMaster;
import org.meseta.console.ui.testing.Ui;

/**
 * The Agents part on a real display, fed by a real cluster client polling a fake master at the
 * console's default pace (so "within 2 s" is what a user would see).
 */
@Timeout(60)
class AgentsPartTest {

    private static final Duration FOLLOW_LIMIT = Duration.ofSeconds(2);
    private static final String NODE_A = AgentsJson.agent("M-S0", "node-a", true, new double[] {4, 8192, 20480},
            new double[] {1, 2048, 0}, "rack:r1;zone:a");
    private static final String NODE_B = AgentsJson.agent("M-S1", "node-b", false, new double[] {2, 3072, 1024},
            new double[] {0.5, 512, 1024}, "");

    private Display display;
    private Shell shell;
    private FakeMaster master;
    private ClusterClient client;
    private AgentsPart part;

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
        master.answer(AgentsJson.getAgents(NODE_A));

        client.connect(master.address());

        waitForRows(1);
        assertEquals(List.of("node-a", "M-S0", "1 / 4", "2 GB / 8 GB", "0 MB / 20 GB", "rack:r1;zone:a", "yes"),
                cells(0));
        waitForStatus("Connected to " + master.address() + " · 1 agent");
    }

    @Test
    void followsAgentsJoiningChangingAndLeavingWithinTwoSeconds() {
        master.answer(AgentsJson.getAgents(NODE_A));
        client.connect(master.address());
        waitForRows(1);

        master.answer(AgentsJson.getAgents(NODE_B, AgentsJson.agent("M-S0", "node-a", true,
                new double[] {4, 8192, 20480}, new double[] {3.5, 6144, 0}, "rack:r1;zone:a")));
        waitUntil(FOLLOW_LIMIT, () -> rowCount() == 2 && "3.5 / 4".equals(cell(0, AgentColumn.CPUS)),
                "node-a using 3.5 CPUs and node-b below it");
        assertEquals(List.of("node-b", "M-S1", "0.5 / 2", "512 MB / 3 GB", "1 GB / 1 GB", "", "no"), cells(1));
        waitForStatus("Connected to " + master.address() + " · 2 agents");

        master.answer(AgentsJson.getAgents(NODE_B));
        waitUntil(FOLLOW_LIMIT, () -> rowCount() == 1 && "node-b".equals(cell(0, AgentColumn.HOSTNAME)),
                "only node-b left");
    }

    @Test
    void saysWhenTheMasterIsUnreachableAndReconnectsByItself() throws Exception {
        master.answer(AgentsJson.getAgents(NODE_A));
        client.connect(master.address());
        waitForRows(1);

        master.stop();
        String down = "Master " + master.address() + " unreachable (connection refused) · retrying in ";
        waitUntil(Ui.PATIENCE, () -> part.status().startsWith(down), "a status starting '" + down + "'");
        assertEquals(1, rowCount(), "the last known agents stay visible");

        master.restart();
        waitForStatus("Connected to " + master.address() + " · 1 agent");
    }

    @Test
    void savesAScreenshotOfTheAgentsView() {
        master.answer(AgentsJson.getAgents(NODE_A, NODE_B,
                AgentsJson.agent("M-S2", "node-c", true, new double[] {16, 65536, 102400},
                        new double[] {12, 49152, 2048}, "rack:r2;zone:b;gpu:none")));
        client.connect(master.address());
        waitForRows(3);

        File png = new File(TestOutput.directory(), "screenshots/agents-view.png");
        Ui.screenshot(shell, png);

        assertTrue(png.length() > 1000, () -> png + " should hold a picture");
    }

    private void waitForRows(int count) {
        waitUntil(Ui.PATIENCE, () -> rowCount() == count, count + " rows");
    }

    private void waitForStatus(String text) {
        waitUntil(Ui.PATIENCE, () -> part.status().equals(text), "the status '" + text + "'");
    }

    private void waitUntil(Duration within, BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, within, condition, expectation,
                () -> "status '" + part.status() + "' and rows " + IntStream.range(0, rowCount())
                        .mapToObj(this::cells).toList());
    }

    private Table table() {
        return part.table().viewer().getTable();
    }

    private int rowCount() {
        return table().getItemCount();
    }

    private String cell(int row, AgentColumn column) {
        return table().getItem(row).getText(column.ordinal());
    }

    private List<String> cells(int row) {
        TableItem item = table().getItem(row);
        return Arrays.stream(AgentColumn.values()).map(column -> item.getText(column.ordinal())).toList();
    }
}
