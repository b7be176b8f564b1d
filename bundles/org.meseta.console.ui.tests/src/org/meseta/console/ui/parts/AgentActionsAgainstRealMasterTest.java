package org.meseta.console.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.CallClients;
import org.meseta.console.core.calls.OperatorCalls;
import org.meseta.console.ui.testing.RealCluster;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.Widgets;
import org.meseta.console.ui.testing.Widgets.DialogAnswer;

/**
 * The agent actions of the Agents view's context menu against a real master and agents: each one sent, its outcome
 * in the line under the table, the agent's new state in its row, and the master's refusal shown there too.
 */
@Timeout(90)
class AgentActionsAgainstRealMasterTest {

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
    void openPart() throws Exception {
        cluster = new RealCluster(workDir);
        cluster.startMaster();
        cluster.startAgent("node-a.test", "cpus:2;mem:1024;disk:2048", "");
        cluster.startAgent("node-b.test", "cpus:1;mem:512;disk:1024", "");
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
        client.connect(cluster.master());
        shown.waitForRows(2);
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
    void deactivatesAndReactivatesAnAgentAndShowsTheMastersRefusalInline() throws Exception {
        select(0);
        assertEquals(List.of("Drain…", "Deactivate", "Mark gone…", "Isolation settings…"),
                Widgets.enabledMenuItems(table()));

        Widgets.click(Widgets.menuItem(table(), "Deactivate"));
        awaitMessage("Deactivate node-a.test: done");
        awaitState(0, "deactivated");
        assertEquals(List.of("Drain…", "Reactivate", "Mark gone…", "Isolation settings…"),
                Widgets.enabledMenuItems(table()));

        Widgets.click(Widgets.menuItem(table(), "Reactivate"));
        awaitMessage("Reactivate node-a.test: done");
        awaitState(0, "active");

        // Another operator's deactivation and reactivation do not reach the event stream: the row still says
        // deactivated after the first, and the master refuses a reactivation after the second.
        Widgets.click(Widgets.menuItem(table(), "Deactivate"));
        awaitState(0, "deactivated");
        String agentId = shown.cell(0, AgentColumn.AGENT_ID);
        try (CallClient operator = CallClients.following(client)) {
            assertTrue(operator.operator(OperatorCalls.reactivateAgent(agentId)).result().get(30, TimeUnit.SECONDS)
                    .isSuccess());
        }
        Widgets.click(Widgets.menuItem(table(), "Reactivate"));
        awaitMessage("Reactivate node-a.test: refused (HTTP 400: Agent is not deactivated)");
        assertFalse(part.actions().isBusy());
        TestOutput.documentationScreenshot(shell, "console-agent-actions.png");
    }

    @Test
    void drainsAnAgentWithTheGracePeriodChosenInTheDialog() {
        select(0);
        DialogAnswer drain = Widgets.whenDialogOpens(display, "Drain node-a.test", dialog -> {
            Text grace = Widgets.find(dialog, Text.class).get(0);
            Button drainButton = Widgets.button(dialog, "Drain");
            grace.setText("soon");
            assertFalse(drainButton.isEnabled());
            assertTrue(Widgets.find(dialog, Label.class).stream()
                    .anyMatch(label -> label.getText().equals("'soon' is not a number of seconds")));
            grace.setText("5");
            Widgets.click(drainButton);
        });
        Widgets.click(Widgets.menuItem(table(), "Drain…"));
        drain.verify();

        awaitMessage("Drain node-a.test: done");
        shown.waitUntil(Ui.PATIENCE, () -> List.of("draining", "drained").contains(shown.cell(0, AgentColumn.STATE)),
                "node-a draining or drained");
    }

    @Test
    void marksAnAgentGoneOnceItsHostnameIsTyped() {
        select(1);
        DialogAnswer confirm = Widgets.whenDialogOpens(display, "Mark node-b.test gone", dialog -> {
            Text hostname = Widgets.find(dialog, Text.class).get(0);
            Button markGone = Widgets.button(dialog, "Mark gone");
            assertFalse(markGone.isEnabled());
            hostname.setText("node-a.test");
            assertFalse(markGone.isEnabled(), "another agent's hostname does not confirm");
            hostname.setText("node-b.test");
            Widgets.click(markGone);
        });
        Widgets.click(Widgets.menuItem(table(), "Mark gone…"));
        confirm.verify();

        awaitMessage("Mark node-b.test gone: done");
        shown.waitUntil(Ui.PATIENCE, () -> List.of("unreachable", "gone").contains(shown.cell(1, AgentColumn.STATE)),
                "node-b removed");
        select(1);
        // An agent marked gone without tasks looks unreachable (the event stream cannot tell): marking it gone
        // again is offered, and harmless.
        assertTrue(List.of("Mark gone…").containsAll(Widgets.enabledMenuItems(table())),
                () -> Widgets.enabledMenuItems(table()).toString());
    }

    private Table table() {
        return part.table().viewer().getTable();
    }

    private void select(int row) {
        table().setSelection(row);
    }

    private void awaitMessage(String text) {
        Ui.waitUntil(display, Ui.PATIENCE, () -> part.actions().message().equals(text), "the action line '" + text
                + "'", () -> "'" + part.actions().message() + "'");
    }

    private void awaitState(int row, String state) {
        shown.waitUntil(Ui.PATIENCE, () -> shown.cell(row, AgentColumn.STATE).equals(state),
                "row " + row + " " + state);
    }
}
