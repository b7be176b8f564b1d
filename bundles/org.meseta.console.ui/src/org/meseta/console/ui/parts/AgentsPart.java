package org.meseta.console.ui.parts;

import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.ui.actions.ActionBar;
import org.meseta.console.ui.actions.AgentActions;
import org.meseta.console.ui.feed.ClusterView;
import org.meseta.console.ui.feed.StatusText;
import org.meseta.console.ui.feed.UiClusterFeed;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Agents view: every agent of the cluster in a table, and a status line saying whether the
 * table is live ("Connected to ... · 2 agents") or why not. The table's context menu drains, deactivates,
 * reactivates or marks gone the agent it was opened on ({@link AgentActions}); their outcome shows in the line under
 * the table.
 *
 * <p>A POJO part. The {@link ClusterClient} and the {@link CallClient} come from the e4 context (the lifecycle puts
 * them there); tests construct the part directly. A {@link UiClusterFeed} brings the client's states and
 * changes to the UI thread, so the UI thread never waits for the network.
 */
public class AgentsPart implements ClusterView {

    private final ClusterClient client;
    private final CallClient calls;
    private final UISynchronize ui;
    private UiClusterFeed feed;
    private AgentsTable table;
    private Label statusLine;
    private ActionBar actions;
    private ConnectionState connection = new ConnectionState.Disconnected();
    private ClusterState cluster = ClusterState.EMPTY;

    @Inject
    public AgentsPart(ClusterClient client, CallClient calls, UISynchronize ui) {
        this.client = client;
        this.calls = calls;
        this.ui = ui;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(parent);
        // Above the table, where it stays visible however the window is cut off.
        statusLine = StatusText.line(parent);
        table = new AgentsTable(parent);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.viewer().getControl());
        actions = new ActionBar(parent, ui);
        new AgentActions(client, calls, ui, actions).attach(table.viewer().getControl(), this::selectedAgent);
        connectionChanged(client.state());
        feed = UiClusterFeed.attach(client, ui, this);
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
        // The last known agents stay visible, greyed out, while the master does not answer.
        table.setStale(!state.isConnected());
    }

    @Override
    public void clusterChanged(ClusterChange change) {
        if (statusLine.isDisposed()) {
            return;
        }
        cluster = change.state();
        table.show(List.copyOf(cluster.agents().values()));
        statusLine.setText(StatusText.of(connection, cluster));
    }

    /** The agent of the selected row as the model has it now (the first, if several are selected). */
    private Optional<AgentView> selectedAgent() {
        Object first = table.viewer().getStructuredSelection().getFirstElement();
        return first instanceof AgentView row ? Optional.ofNullable(cluster.agents().get(row.id())) : Optional.empty();
    }

    // Test access (the UI tests are a fragment in this package).

    AgentsTable table() {
        return table;
    }

    String status() {
        return statusLine.getText();
    }

    ActionBar actions() {
        return actions;
    }
}
