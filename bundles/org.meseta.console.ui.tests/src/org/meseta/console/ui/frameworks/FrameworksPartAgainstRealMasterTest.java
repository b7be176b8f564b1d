package org.meseta.console.ui.frameworks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.ui.testing.RealCluster;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.Widgets;
import org.meseta.console.ui.testing.Widgets.DialogAnswer;
import org.meseta.console.ui.testing.ViewHarness;

/**
 * The Frameworks view against a real master, agents and two {@code meseta-execute} frameworks: what it shows of
 * each, and a teardown confirmed in a dialog naming the task that dies, after which the framework leaves the table.
 */
@Timeout(90)
class FrameworksPartAgainstRealMasterTest {

    @TempDir
    Path workDir;

    private ViewHarness harness;
    private RealCluster cluster;
    private Display display;
    private ClusterClient client;
    private CallClient calls;
    private FrameworksPart part;

    @BeforeEach
    void openPart() throws Exception {
        harness = ViewHarness.open(workDir, 1260, 260);
        cluster = harness.cluster();
        display = harness.display();
        client = harness.client();
        calls = harness.calls();
        cluster.startMaster();
        cluster.startAgent("node-a.test", "cpus:2;mem:2048;disk:4096", "");
        cluster.startAgent("node-b.test", "cpus:2;mem:2048;disk:4096", "");
        part = new FrameworksPart(client, calls, harness.ui());
        harness.view(part::dispose);
        part.createControls(harness.shell());
        harness.shell().open();
    }

    @AfterEach
    void closeEverything() throws Exception {
        harness.close();
    }

    @Test
    void showsEachFrameworkAndTearsOneDownAfterNamingTheTasksThatDie() throws Exception {
        cluster.launch("web", "sleep 600", "cpus:1;mem:512", "--role=web", "--principal=ops",
                "--framework_capabilities=MULTI_ROLE,TASK_KILLING_STATE");
        cluster.launch("batch", "sleep 600", "cpus:0.5;mem:1024");
        client.connect(cluster.master());
        waitUntil(() -> rows() == 2 && cell(0, FrameworkColumn.TASKS).equals("1 running")
                && cell(1, FrameworkColumn.TASKS).equals("1 running"), "both frameworks with their task running");

        assertEquals("console test batch", cell(0, FrameworkColumn.NAME));
        assertEquals("*", cell(0, FrameworkColumn.ROLES));
        assertEquals("0.5 cpus · 1 GB mem · 0 MB disk", cell(0, FrameworkColumn.ALLOCATED));
        assertEquals("25 % mem", cell(0, FrameworkColumn.SHARE));
        assertEquals(List.of("console test web", "web", "ops", "MULTI_ROLE, TASK_KILLING_STATE", "connected",
                "1 running", "1 cpus · 512 MB mem · 0 MB disk", "25 % cpus"), cells(1));
        assertEquals("2 frameworks · 2 connected", part.summary());
        TestOutput.documentationScreenshot(harness.shell(), "console-frameworks.png");

        assertFalse(part.teardownButton().isEnabled(), "nothing selected");
        String webHost = hostOf("web");
        table().setSelection(1);
        table().notifyListeners(SWT.Selection, new Event());
        String[][] named = new String[1][];
        DialogAnswer confirm = Widgets.whenDialogOpens(display, "Tear down console test web", dialog -> {
            named[0] = ((TeardownDialog) dialog.getData()).taskLines();
            Widgets.click(Widgets.button(dialog, "Tear down"));
        });
        Widgets.click(part.teardownButton());
        confirm.verify();
        assertArrayEquals(new String[] {"web on " + webHost + " (running)"}, named[0]);

        waitUntil(() -> part.actions().message().equals("Tear down console test web: done") && rows() == 1,
                "the framework torn down and gone");
        assertEquals("console test batch", cell(0, FrameworkColumn.NAME));
        assertTrue(client.cluster().completedTasks().stream().anyMatch(task -> task.key().taskId().equals("web")));
    }

    private String hostOf(String taskId) {
        return client.cluster().agents().values().stream()
                .filter(agent -> agent.tasks().stream().anyMatch(task -> task.key().taskId().equals(taskId)))
                .map(AgentView::hostname).findFirst().orElseThrow();
    }

    private Table table() {
        return part.table().viewer().getTable();
    }

    private int rows() {
        return table().getItemCount();
    }

    private String cell(int row, FrameworkColumn column) {
        return table().getItem(row).getText(column.ordinal());
    }

    private List<String> cells(int row) {
        return Arrays.stream(FrameworkColumn.values()).filter(column -> column != FrameworkColumn.ID)
                .map(column -> cell(row, column)).toList();
    }

    private void waitUntil(BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, Duration.ofSeconds(20), condition, expectation, () -> "'" + part.actions().message()
                + "', rows " + IntStream.range(0, rows()).mapToObj(this::cells).toList());
    }
}
