package org.meseta.console.ui.frameworks;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.OperatorCalls;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.ui.actions.ActionBar;
import org.meseta.console.ui.feed.ClusterView;
import org.meseta.console.ui.feed.StatusText;
import org.meseta.console.ui.feed.UiClusterFeed;
import org.meseta.console.ui.tables.LiveTable;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Frameworks view: every framework the master knows, live, with its roles, principal, capabilities, connection
 * (and, while disconnected, the time left before the master removes it), tasks by state, what its tasks hold and its
 * dominant share of the cluster. <b>Tear down…</b> (button or context menu) removes the selected framework after a
 * confirmation naming the tasks that will be killed; the outcome, or the master's refusal, shows in the line under
 * the table.
 *
 * <p>A POJO part fed by a {@link UiClusterFeed}; the countdowns are redrawn every second while a framework is
 * disconnected (a UI timer: nothing is asked of the master).
 */
public class FrameworksPart implements ClusterView {

    private static final int TICK_MILLIS = 1000;

    private final ClusterClient client;
    private final CallClient calls;
    private final UISynchronize ui;
    private final Clock clock;
    private UiClusterFeed feed;
    private Label statusLine;
    private Label summary;
    private Button teardown;
    private LiveTable<FrameworkRow> table;
    private ActionBar actions;
    private ConnectionState connection = new ConnectionState.Disconnected();
    private ClusterState cluster = ClusterState.EMPTY;
    private List<FrameworkRow> rows = List.of();
    private boolean ticking;

    @Inject
    public FrameworksPart(ClusterClient client, CallClient calls, UISynchronize ui) {
        this(client, calls, ui, Clock.systemUTC());
    }

    /** With the clock that the failover countdowns count on (tests fix it). */
    FrameworksPart(ClusterClient client, CallClient calls, UISynchronize ui, Clock clock) {
        this.client = client;
        this.calls = calls;
        this.ui = ui;
        this.clock = clock;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(parent);
        statusLine = StatusText.line(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 0).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        teardown = new Button(bar, SWT.PUSH);
        teardown.setText("&Tear down…");
        teardown.setToolTipText("Remove the selected framework and kill its tasks");
        teardown.addListener(SWT.Selection, event -> tearDownSelected());
        summary = new Label(bar, SWT.RIGHT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
        table = new LiveTable<>(parent, FrameworkRow.class, FrameworkColumn.all(clock), row -> row.framework().id(),
                Comparator.comparing((FrameworkRow row) -> row.framework().name()).thenComparing(row -> row.framework()
                        .id()));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.viewer().getControl());
        table.viewer().addSelectionChangedListener(event -> updateButtons());
        createMenu();
        actions = new ActionBar(parent, ui);
        updateButtons();
        connectionChanged(client.state());
        feed = UiClusterFeed.attach(client, ui, this);
    }

    private void createMenu() {
        Menu menu = new Menu(table.viewer().getControl());
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText("&Tear down…");
        item.addListener(SWT.Selection, event -> tearDownSelected());
        menu.addListener(SWT.Show, event -> item.setEnabled(table.selected().isPresent()));
        table.viewer().getControl().setMenu(menu);
    }

    @Focus
    public void setFocus() {
        table.viewer().getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        feed.close();
    }

    @Override
    public void connectionChanged(ConnectionState state) {
        if (statusLine.isDisposed()) {
            return;
        }
        connection = state;
        statusLine.setText(StatusText.of(state, cluster));
        table.setStale(!state.isConnected());
    }

    @Override
    public void clusterChanged(ClusterChange change) {
        if (statusLine.isDisposed()) {
            return;
        }
        cluster = change.state();
        if (change.reset() || !change.frameworks().isEmpty() || !change.tasks().isEmpty()
                || !change.agents().isEmpty()) {
            rows = FrameworkRow.of(cluster);
            table.show(rows);
            summary.setText(summaryOf(rows));
            summary.getParent().layout();
            updateButtons();
            startTicking();
        }
        statusLine.setText(StatusText.of(connection, cluster));
    }

    private static String summaryOf(List<FrameworkRow> rows) {
        long connected = rows.stream().filter(row -> row.framework().connected()).count();
        return rows.size() + (rows.size() == 1 ? " framework" : " frameworks") + " · " + connected + " connected";
    }

    private void updateButtons() {
        teardown.setEnabled(table.selected().isPresent());
    }

    private void tearDownSelected() {
        Optional<FrameworkRow> selected = table.selected();
        if (selected.isEmpty()) {
            return;
        }
        FrameworkRow row = selected.get();
        if (new TeardownDialog(table.viewer().getControl().getShell(), row).open() == Window.OK) {
            // The event stream reports the framework's removal and its tasks' ends.
            actions.track("Tear down " + row.framework().name(), calls.operator(OperatorCalls.teardown(
                    row.framework().id())), result -> { });
        }
    }

    /** Redraws the countdowns every second while a framework is disconnected with a failover timeout. */
    private void startTicking() {
        if (!ticking && rows.stream().anyMatch(row -> row.failoverDeadline().isPresent())) {
            ticking = true;
            statusLine.getDisplay().timerExec(TICK_MILLIS, this::tick);
        }
    }

    private void tick() {
        ticking = false;
        if (!statusLine.isDisposed()) {
            table.refreshTexts();
            startTicking();
        }
    }

    // Test access (the UI tests are a fragment in this package).

    LiveTable<FrameworkRow> table() {
        return table;
    }

    String status() {
        return statusLine.getText();
    }

    String summary() {
        return summary.getText();
    }

    Button teardownButton() {
        return teardown;
    }

    ActionBar actions() {
        return actions;
    }
}
