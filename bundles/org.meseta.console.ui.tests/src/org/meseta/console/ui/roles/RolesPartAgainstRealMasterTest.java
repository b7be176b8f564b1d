package org.meseta.console.ui.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.meseta.console.core.calls.RoleEdits;
import org.meseta.console.ui.testing.RealCluster;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.Widgets;
import org.meseta.console.ui.testing.ViewHarness;

/**
 * The Roles view against a real master, agent and a framework of role {@code web}: the role's weight, share and
 * allocation from the offer stream, its quota read from the master, and edits of both: refused before sending
 * where the master's rules say so (each problem under its field), sent and shown when valid, and the master's own
 * refusal, of a limit below what the role already consumes, shown inline.
 */
@Timeout(90)
class RolesPartAgainstRealMasterTest {

    @TempDir
    Path workDir;

    private ViewHarness harness;
    private RealCluster cluster;
    private Display display;
    private ClusterClient client;
    private CallClient calls;
    private RolesPart part;

    @BeforeEach
    void openPart() throws Exception {
        harness = ViewHarness.open(workDir, 1180, 420);
        cluster = harness.cluster();
        display = harness.display();
        client = harness.client();
        calls = harness.calls();
        cluster.startMaster();
        cluster.startAgent("node-a.test", "cpus:4;mem:4096;disk:8192", "");
        part = new RolesPart(client, calls, harness.ui());
        harness.view(part::dispose);
        part.createControls(harness.shell());
        harness.shell().open();
    }

    @AfterEach
    void closeEverything() throws Exception {
        harness.close();
    }

    @Test
    void showsAndEditsWeightsAndQuotaCheckingEditsFirstAndShowingTheMastersRefusal() throws Exception {
        cluster.launch("web-1", "sleep 600", "cpus:1;mem:512", "--role=web");
        client.connect(cluster.master());
        waitUntil(() -> row("web") >= 0 && cell(row("web"), RoleColumn.ALLOCATED).startsWith("1 cpus")
                && part.quotaState().equals("No role has quota"), "the role web holding its task's resources");
        assertEquals(List.of("web", "1", "25 %", "", ""), cells(row("web")).subList(0, 5));

        select("web");
        RoleEditor editor = part.editor();
        assertEquals("web", editor.role().getText());
        assertEquals("1", editor.weight().getText());

        editor.weight().setText("heavy");
        Widgets.click(editor.setWeightButton());
        assertEquals("'heavy' is not a number", editor.problem(RoleEdits.WEIGHT));
        assertEquals("", part.actions().message(), "nothing sent");

        editor.weight().setText("2.5");
        Widgets.click(editor.setWeightButton());
        assertEquals("", editor.problem(RoleEdits.WEIGHT));
        waitUntil(() -> part.actions().message().equals("Set the weight of web to 2.5: done")
                && cell(row("web"), RoleColumn.WEIGHT).equals("2.5"), "the weight set and shown");
        assertEquals("10 %", cell(row("web"), RoleColumn.SHARE), "a share of 25 % weighs 2.5 times less");

        editor.guarantee("cpus").setText("-1");
        editor.limit("mem").setText("lots");
        Widgets.click(editor.setQuotaButton());
        assertEquals("Invalid guarantee configuration {'cpus': -1}: Negative values not supported",
                editor.problem(RoleEdits.guarantee("cpus")));
        assertEquals("'lots' is not a number", editor.problem(RoleEdits.limit("mem")));
        editor.guarantee("cpus").setText("2");
        editor.limit("mem").setText("");
        editor.limit("cpus").setText("1.5");
        Widgets.click(editor.setQuotaButton());
        assertEquals("'QuotaConfig.guarantees' { cpus: 2 } is not contained within the 'QuotaConfig.limits'"
                + " { cpus: 1.5 }", editor.problem(RoleEdits.QUOTA));
        assertEquals("", editor.problem(RoleEdits.guarantee("cpus")));

        editor.guarantee("cpus").setText("1");
        editor.guarantee("mem").setText("512");
        editor.limit("cpus").setText("2");
        Widgets.click(editor.setQuotaButton());
        waitUntil(() -> part.actions().message().equals("Set the quota of web: done")
                && part.quotaState().equals("1 role has quota")
                && cell(row("web"), RoleColumn.GUARANTEES).equals("1 cpus · 512 MB mem"), "the quota set and shown");
        assertEquals("2 cpus", cell(row("web"), RoleColumn.LIMITS));
        TestOutput.documentationScreenshot(harness.shell(), "console-roles.png");

        editor.limit("cpus").setText("0.5");
        editor.guarantee("cpus").setText("");
        Widgets.click(editor.setQuotaButton());
        waitUntil(() -> part.actions().message().startsWith("Set the quota of web: refused (HTTP 400: Invalid"
                + " QuotaConfig: Role 'web' is already consuming '"), "the master's refusal");
        assertTrue(part.actions().message().endsWith("(use 'force' flag to bypass this check))"),
                part.actions().message());
        assertEquals("2 cpus", cell(row("web"), RoleColumn.LIMITS), "nothing changed");
    }

    private void select(String role) {
        table().setSelection(row(role));
        table().notifyListeners(SWT.Selection, new Event());
    }

    private Table table() {
        return part.table().viewer().getTable();
    }

    private int row(String role) {
        return IntStream.range(0, table().getItemCount())
                .filter(index -> table().getItem(index).getText(RoleColumn.ROLE.ordinal()).equals(role)).findFirst()
                .orElse(-1);
    }

    private String cell(int row, RoleColumn column) {
        return table().getItem(row).getText(column.ordinal());
    }

    private List<String> cells(int row) {
        return Arrays.stream(RoleColumn.values()).map(column -> cell(row, column)).toList();
    }

    private void waitUntil(BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, Duration.ofSeconds(20), condition, expectation, () -> "'" + part.actions().message()
                + "', quota '" + part.quotaState() + "', rows " + IntStream.range(0, table().getItemCount())
                        .mapToObj(this::cells).toList());
    }
}
