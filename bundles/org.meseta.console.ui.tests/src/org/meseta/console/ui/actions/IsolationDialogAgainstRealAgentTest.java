package org.meseta.console.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.apache.mesos.v1.Protos.TaskState;
import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
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
import org.meseta.console.core.calls.IsolationField;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.ui.testing.RealCluster;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.Widgets;

/**
 * The isolation settings editor against a real agent running a task: the settings read, which of them running
 * containers take, a refused change with each error under its field, and an accepted one with what it did.
 */
@Timeout(90)
class IsolationDialogAgainstRealAgentTest {

    @TempDir
    Path workDir;

    private RealCluster cluster;
    private Display display;
    private Shell shell;
    private ClusterClient client;
    private CallClient calls;
    private ActionBar bar;
    private IsolationDialog dialog;

    @BeforeEach
    void start() throws Exception {
        cluster = new RealCluster(workDir);
        cluster.startMaster();
        cluster.startAgent("node-a.test", "cpus:2;mem:1024;disk:2048", "");
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new GridLayout());
        client = ClusterClients.create();
        calls = CallClients.following(client);
        bar = new ActionBar(shell, new DisplayUISynchronize(display));
        client.connect(cluster.master());
    }

    @AfterEach
    void stop() throws Exception {
        if (dialog != null) {
            dialog.close();
        }
        calls.close();
        client.close();
        shell.dispose();
        Ui.flush(display);
        cluster.close();
    }

    @Test
    void editsTheSettingsShowingTheAgentsErrorsNextToTheirFieldsAndWhatAChangeDid() throws Exception {
        cluster.launch("sleeper", "sleep 600", "cpus:0.1;mem:32");
        waitUntil(() -> agent().filter(node -> node.tasks().stream()
                .anyMatch(task -> task.state() == TaskState.TASK_RUNNING)).isPresent(), "the task running");

        new AgentActions(client, calls, new DisplayUISynchronize(display), bar).run(AgentAction.ISOLATION,
                agent().orElseThrow(), shell);
        dialog = (IsolationDialog) Arrays.stream(display.getShells())
                .filter(open -> open.getText().equals("Isolation settings of node-a.test")).findFirst()
                .orElseThrow().getData();
        waitUntil(dialog::isLoaded, "the settings read");
        assertEquals(IsolationDialog.APPLIES, dialog.note(IsolationField.PIDS_LIMIT));
        assertEquals(IsolationDialog.NEW_ONLY, dialog.note(IsolationField.CGROUPS_ROOT));
        assertEquals(IsolationDialog.NEW_ONLY, dialog.note(IsolationField.ISOLATION));

        dialog.pidsLimitField().setText("0");
        Text root = dialog.cgroupsRootField();
        String rootBefore = root.getText();
        root.setText("../elsewhere");
        Widgets.click(dialog.applyButton());
        waitUntil(() -> !dialog.error(IsolationField.PIDS_LIMIT).isEmpty(), "the refusal");
        assertEquals("must be a positive integer or \"max\"", dialog.error(IsolationField.PIDS_LIMIT));
        String rootError = dialog.error(IsolationField.CGROUPS_ROOT);
        assertTrue(rootError.contains(".."), rootError);
        assertEquals("", dialog.error(IsolationField.MEMORY_LIMIT_MODE));
        assertTrue(dialog.actions().message().startsWith("Change the isolation settings of node-a.test: refused"
                + " (HTTP 400: "), dialog.actions().message());
        TestOutput.documentationScreenshot(dialog.getShell(), "console-isolation.png");

        dialog.pidsLimitField().setText("64");
        root.setText(rootBefore);
        Widgets.click(dialog.applyButton());
        waitUntil(() -> !dialog.applied().isEmpty(), "the change applied");
        assertEquals("Changed pids_limit. pids_limit applied to 1 of 1 running container.", dialog.applied());
        assertEquals("", dialog.error(IsolationField.PIDS_LIMIT));
        assertEquals("64", dialog.pidsLimitField().getText());
        assertEquals("Change the isolation settings of node-a.test: done", dialog.actions().message());
        assertTrue(dialog.applyButton().isEnabled());
    }

    private Optional<AgentView> agent() {
        return client.cluster().agents().values().stream().findFirst();
    }

    private void waitUntil(BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, Ui.PATIENCE, condition, expectation, () -> dialog == null ? "no dialog"
                : "'" + dialog.actions().message() + "'");
    }
}
