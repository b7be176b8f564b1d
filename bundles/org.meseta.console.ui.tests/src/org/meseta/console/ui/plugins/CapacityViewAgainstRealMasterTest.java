package org.meseta.console.ui.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.ui.testing.HoldingFramework;
import org.meseta.console.ui.testing.RealCluster;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.Widgets;
import org.meseta.daemon.Daemon;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The plugin guide's example view, the Capacity view of bundle {@code org.example.meseta.capacity}, created as the
 * console's workbench creates a contributed part (from its {@code bundleclass} URI, by e4 injection from a context
 * holding what the console puts there) and shown on a real display against a real master with two real agents. It
 * uses nothing but the console's exported API, so this test reads it as a user would, from its widgets: the cluster's
 * resources per kind and per role while a framework runs a task in role {@code web} and another holds every offer,
 * and again after an agent leaves.
 */
@Timeout(120)
class CapacityViewAgainstRealMasterTest {

    private static final String EXAMPLE = "org.example.meseta.capacity";
    private static final String PART_CLASS = "org.example.meseta.capacity.internal.CapacityPart";
    private static final List<String> RESOURCE_COLUMNS = List.of("Resource", "Total", "Used", "Used %", "Offered",
            "Free");
    private static final List<String> ROLE_COLUMNS = List.of("Role", "Frameworks", "Used", "Offered", "Reserved");

    @TempDir
    Path workDir;

    private RealCluster cluster;
    private ClusterClient client;
    private IEclipseContext context;
    private Shell shell;
    private HoldingFramework holder;

    @BeforeEach
    void createPartAsTheWorkbenchDoes() throws Exception {
        cluster = new RealCluster(workDir);
        client = ClusterClients.create();
        shell = Ui.consoleShell(760, 420);
        context = EclipseContextFactory.create("Capacity view test");
        context.set(ClusterClient.class, client);
        context.set(UISynchronize.class, new DisplayUISynchronize(shell.getDisplay()));
        context.set(Composite.class, new Composite(shell, SWT.NONE));
        ContextInjectionFactory.make(example().loadClass(PART_CLASS), context);
        shell.open();
    }

    @AfterEach
    void closeEverything() throws Exception {
        Display display = shell.getDisplay();
        // Disposing the part's widgets is all the part needs: its feed closes with them.
        shell.dispose();
        Ui.flush(display);
        context.dispose();
        client.close();
        if (holder != null) {
            holder.close();
        }
        cluster.close();
    }

    @Test
    void showsTheClustersResourcesPerKindAndPerRoleLive() throws Exception {
        assertEquals(RESOURCE_COLUMNS, headers(resources()));
        assertEquals(ROLE_COLUMNS, headers(roles()));
        cluster.startMaster();
        cluster.startAgent("node-a.test", "cpus:4;mem:4096;disk:8192;ports:[31000-31099]", "");
        Daemon.Running nodeB = cluster.startAgent("node-b.test", "cpus:2;mem:2048;disk:4096;ports:[32000-32099]", "");
        client.connect(cluster.master());
        waitForFigures("both agents' resources, all free", """
                cpus | 6 | 0 | 0 % | 0 | 6
                mem | 6 GB | 0 MB | 0 % | 0 MB | 6 GB
                disk | 12 GB | 0 MB | 0 % | 0 MB | 12 GB
                ports | 200 | 0 | 0 % | 0 | 200
                """, "");
        assertEquals(List.of("Connected to " + cluster.master() + " · 2 agents", "Resources of 2 admitted agents",
                "By role"), labels());

        // Only node-a has 3 cpus: the task runs there, so it stays when node-b leaves.
        cluster.launch("web-1", "sleep 600", "cpus:3;mem:512", "--role=web");
        waitUntil(() -> text(resources()).startsWith("cpus | 6 | 3 | 50 % |"), "web-1's task running");
        // Only now: a holder subscribed earlier could take the offers web-1 waits for.
        holder = HoldingFramework.subscribe(cluster.master(), "offer holder");
        waitForFigures("web-1's task using 3 cpus and 512 MB, the holder offered all the rest", """
                cpus | 6 | 3 | 50 % | 3 | 0
                mem | 6 GB | 512 MB | 8 % | 5.5 GB | 0 MB
                disk | 12 GB | 0 MB | 0 % | 12 GB | 0 MB
                ports | 200 | 0 | 0 % | 200 | 0
                """, """
                * | 1 | — | 3 cpus · 5.5 GB mem · 12 GB disk · 200 ports | —
                web | 1 | 3 cpus · 512 MB mem | — | —
                """);
        // For a look only: docs/images/console-capacity.png shows the view in the console (console-screenshot).
        Ui.screenshot(shell, new File(TestOutput.directory(), "screenshots/capacity-real-master.png"));

        nodeB.close();
        waitForFigures("node-b's resources gone with it, web-1's task still on node-a", """
                cpus | 4 | 3 | 75 % | 1 | 0
                mem | 4 GB | 512 MB | 13 % | 3.5 GB | 0 MB
                disk | 8 GB | 0 MB | 0 % | 8 GB | 0 MB
                ports | 100 | 0 | 0 % | 100 | 0
                """, """
                * | 1 | — | 1 cpus · 3.5 GB mem · 8 GB disk · 100 ports | —
                web | 1 | 3 cpus · 512 MB mem | — | —
                """);
        assertEquals("Resources of 1 admitted agent", labels().get(1));
    }

    private Bundle example() {
        return Stream.of(FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles())
                .filter(bundle -> bundle.getSymbolicName().equals(EXAMPLE)).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + EXAMPLE + " in the test runtime (see the pom)"));
    }

    private Table resources() {
        return Widgets.find(shell, Table.class).get(0);
    }

    private Table roles() {
        return Widgets.find(shell, Table.class).get(1);
    }

    private List<String> labels() {
        return Widgets.find(shell, Label.class).stream().map(Label::getText).toList();
    }

    private static List<String> headers(Table table) {
        return Arrays.stream(table.getColumns()).map(column -> column.getText()).toList();
    }

    /** The table's rows, a line each, cells separated by {@code " | "}. */
    private static String text(Table table) {
        StringBuilder text = new StringBuilder();
        for (TableItem item : table.getItems()) {
            for (int column = 0; column < table.getColumnCount(); column++) {
                text.append(column == 0 ? "" : " | ").append(item.getText(column));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Waits until the resources and the roles tables show these rows (as {@link #text} writes them). */
    private void waitForFigures(String expectation, String resourceRows, String roleRows) {
        waitUntil(() -> text(resources()).equals(resourceRows) && text(roles()).equals(roleRows), expectation);
    }

    private void waitUntil(BooleanSupplier condition, String expectation) {
        Ui.waitUntil(shell.getDisplay(), Duration.ofSeconds(30), condition, expectation,
                () -> labels() + ", resources\n" + text(resources()) + "roles\n" + text(roles()));
    }
}
