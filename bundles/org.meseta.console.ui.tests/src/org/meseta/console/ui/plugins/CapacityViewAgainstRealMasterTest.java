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
import org.eclipse.swt.layout.FillLayout;
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
    private Display display;
    private Shell shell;
    private ClusterClient client;
    private IEclipseContext context;
    private HoldingFramework holder;

    @BeforeEach
    void createPartAsTheWorkbenchDoes() throws Exception {
        cluster = new RealCluster(workDir);
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setText("Meseta Console");
        shell.setLayout(new FillLayout());
        shell.setSize(760, 420);
        client = ClusterClients.create();
        context = EclipseContextFactory.create("Capacity view test");
        context.set(ClusterClient.class, client);
        context.set(UISynchronize.class, new DisplayUISynchronize(display));
        context.set(Composite.class, new Composite(shell, 0));
        ContextInjectionFactory.make(example().loadClass(PART_CLASS), context);
        shell.open();
    }

    @AfterEach
    void closeEverything() throws Exception {
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
        waitUntil(() -> rows(resources()).equals(List.of(
                List.of("cpus", "6", "0", "0 %", "0", "6"),
                List.of("mem", "6 GB", "0 MB", "0 %", "0 MB", "6 GB"),
                List.of("disk", "12 GB", "0 MB", "0 %", "0 MB", "12 GB"),
                List.of("ports", "200", "0", "0 %", "0", "200"))), "both agents' resources, all free");
        assertEquals(List.of("Connected to " + cluster.master() + " · 2 agents", "Resources of 2 admitted agents",
                "By role"), labels());

        // Only node-a has 3 cpus: the task runs there, so it stays when node-b leaves.
        cluster.launch("web-1", "sleep 600", "cpus:3;mem:512", "--role=web");
        waitUntil(() -> rows(resources()).get(0).subList(0, 4).equals(List.of("cpus", "6", "3", "50 %")),
                "web-1's task running");
        // Only now: a holder subscribed earlier could take the offers web-1 waits for.
        holder = HoldingFramework.subscribe(cluster.master(), "offer holder");
        waitUntil(() -> rows(resources()).equals(List.of(
                List.of("cpus", "6", "3", "50 %", "3", "0"),
                List.of("mem", "6 GB", "512 MB", "8 %", "5.5 GB", "0 MB"),
                List.of("disk", "12 GB", "0 MB", "0 %", "12 GB", "0 MB"),
                List.of("ports", "200", "0", "0 %", "200", "0")))
                && rows(roles()).equals(List.of(
                        List.of("*", "1", "—", "3 cpus · 5.5 GB mem · 12 GB disk · 200 ports", "—"),
                        List.of("web", "1", "3 cpus · 512 MB mem", "—", "—"))),
                "web-1's task using 3 cpus and 512 MB, the holder offered all the rest");
        // For a look only: docs/images/console-capacity.png shows the view in the console (console-screenshot).
        Ui.screenshot(shell, new File(TestOutput.directory(), "screenshots/capacity-real-master.png"));

        nodeB.close();
        waitUntil(() -> rows(resources()).equals(List.of(
                List.of("cpus", "4", "3", "75 %", "1", "0"),
                List.of("mem", "4 GB", "512 MB", "13 %", "3.5 GB", "0 MB"),
                List.of("disk", "8 GB", "0 MB", "0 %", "8 GB", "0 MB"),
                List.of("ports", "100", "0", "0 %", "100", "0")))
                && rows(roles()).equals(List.of(
                        List.of("*", "1", "—", "1 cpus · 3.5 GB mem · 8 GB disk · 100 ports", "—"),
                        List.of("web", "1", "3 cpus · 512 MB mem", "—", "—"))),
                "node-b's resources gone with it, web-1's task still on node-a");
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

    private static List<List<String>> rows(Table table) {
        int columns = table.getColumnCount();
        return Arrays.stream(table.getItems()).map(item -> cells(item, columns)).toList();
    }

    private static List<String> cells(TableItem item, int columns) {
        return Stream.iterate(0, column -> column < columns, column -> column + 1).map(item::getText).toList();
    }

    private void waitUntil(BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, Duration.ofSeconds(30), condition, expectation,
                () -> labels() + ", resources " + rows(resources()) + ", roles " + rows(roles()));
    }
}
