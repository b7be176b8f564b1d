package org.example.meseta.capacity.internal;

import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.ui.feed.ClusterView;
import org.meseta.console.ui.feed.StatusText;
import org.meseta.console.ui.feed.UiClusterFeed;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Capacity view: the cluster's total, used, offered and free resources per kind, and what each role uses, is
 * offered and has reserved, live. A plain class that e4 creates from the part in {@code fragment.e4xmi}, injecting
 * what the console put into its context. It reads the console's model only, so it asks the master for nothing.
 */
public class CapacityPart implements ClusterView {

    private final ClusterClient client;
    private final UISynchronize ui;
    private Label statusLine;
    private Label kindsTitle;
    private Table kinds;
    private Label rolesTitle;
    private Table roles;
    private ConnectionState connection = new ConnectionState.Disconnected();
    private ClusterState cluster = ClusterState.EMPTY;

    /** Both come from the console's application context; the part must not close the client. */
    @Inject
    public CapacityPart(ClusterClient client, UISynchronize ui) {
        this.client = client;
        this.ui = ui;
    }

    /** Draws the view in {@code parent} (on the UI thread) and starts following the cluster. */
    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout());
        statusLine = new Label(parent, SWT.NONE);
        // Styled like the status line of the console's own views (css/console.css of org.meseta.console.ui).
        statusLine.setData("org.eclipse.e4.ui.css.id", StatusText.CSS_ID);
        statusLine.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        kindsTitle = new Label(parent, SWT.NONE);
        kinds = table(parent, true, "Resource", "Total", "Used", "Used %", "Offered", "Free");
        kinds.setLayoutData(new GridData(SWT.BEGINNING, SWT.TOP, false, false));
        rolesTitle = new Label(parent, SWT.NONE);
        roles = table(parent, false, "Role", "Frameworks", "Used", "Offered", "Reserved");
        roles.setLayoutData(new GridData(SWT.BEGINNING, SWT.FILL, false, true));
        // Closes itself when the part's widgets are disposed, so no @PreDestroy is needed.
        UiClusterFeed.attach(client, ui, this, parent);
    }

    /** Called when the tab is activated. */
    @Focus
    public void setFocus() {
        kinds.setFocus();
    }

    /** Called on the UI thread: the status line, and the last figures greyed while they are not live. */
    @Override
    public void connectionChanged(ConnectionState state) {
        connection = state;
        statusLine.setText(StatusText.of(connection, cluster));
        int color = state.isConnected() ? SWT.COLOR_LIST_FOREGROUND : SWT.COLOR_WIDGET_DISABLED_FOREGROUND;
        kinds.setForeground(kinds.getDisplay().getSystemColor(color));
        roles.setForeground(roles.getDisplay().getSystemColor(color));
    }

    /** Called on the UI thread. The view is small, so it redraws everything whatever the change names. */
    @Override
    public void clusterChanged(ClusterChange change) {
        cluster = change.state();
        ClusterCapacity capacity = ClusterCapacity.of(cluster);
        statusLine.setText(StatusText.of(connection, cluster));
        kindsTitle.setText("Resources of " + capacity.agents()
                + (capacity.agents() == 1 ? " admitted agent" : " admitted agents"));
        rolesTitle.setText(capacity.rolesKnown() ? "By role"
                : "By role: not known (the master sends no offer stream)");
        fill(kinds, capacity.kindRows());
        fill(roles, capacity.roleRows());
        statusLine.getParent().layout();
    }

    /** A table with these columns; with {@code numbers}, all columns but the first hold numbers (right-aligned). */
    private static Table table(Composite parent, boolean numbers, String... columns) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int index = 0; index < columns.length; index++) {
            TableColumn column = new TableColumn(table, numbers && index > 0 ? SWT.RIGHT : SWT.LEFT);
            column.setText(columns[index]);
            column.pack();
        }
        return table;
    }

    private static void fill(Table table, List<List<String>> rows) {
        table.removeAll();
        for (List<String> row : rows) {
            new TableItem(table, SWT.NONE).setText(row.toArray(String[]::new));
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
    }
}
