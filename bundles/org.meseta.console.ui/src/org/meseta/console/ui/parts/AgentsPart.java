package org.meseta.console.ui.parts;

import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterListener;
import org.meseta.console.core.ConnectionState;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Agents view: every agent of the cluster in a table, and a status line saying whether the
 * table is live ("Connected to ... · 2 agents") or why not.
 *
 * <p>A POJO part. The {@link ClusterClient} comes from the e4 context (the lifecycle puts it
 * there); tests construct the part directly. The client reports on its own thread and this part
 * moves every state to the UI thread with {@link UISynchronize#asyncExec}, so the UI thread never
 * waits for the network.
 */
public class AgentsPart {

    /** The status line's CSS id (see css/console.css). */
    static final String STATUS_CSS_ID = "org-meseta-console-ui-status";

    private final ClusterClient client;
    private final UISynchronize ui;
    private final ClusterListener listener = this::stateChanged;
    private AgentsTable table;
    private Label statusLine;

    @Inject
    public AgentsPart(ClusterClient client, UISynchronize ui) {
        this.client = client;
        this.ui = ui;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(parent);
        // Above the table, where it stays visible however the window is cut off.
        statusLine = new Label(parent, SWT.NONE);
        statusLine.setData("org.eclipse.e4.ui.css.id", STATUS_CSS_ID);
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 4).applyTo(statusLine);
        table = new AgentsTable(parent);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.viewer().getControl());
        show(client.state());
        client.addListener(listener);
    }

    @Focus
    public void setFocus() {
        table.viewer().getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        client.removeListener(listener);
    }

    private void stateChanged(ConnectionState state) {
        ui.asyncExec(() -> {
            if (!statusLine.isDisposed()) {
                show(state);
            }
        });
    }

    private void show(ConnectionState state) {
        statusLine.setText(state.describe());
        switch (state) {
            case ConnectionState.Connected connected -> table.show(connected.snapshot().agents());
            // Rows from the previous master would be mistaken for the new one's.
            case ConnectionState.Connecting connecting -> table.show(List.of());
            case ConnectionState.Disconnected disconnected -> table.show(List.of());
            // The last known agents stay visible, greyed out, while the master does not answer.
            case ConnectionState.Unreachable unreachable -> { }
            case ConnectionState.ProtocolError error -> { }
        }
        table.setStale(!state.isConnected());
    }

    // Test access (the UI tests are a fragment in this package).

    AgentsTable table() {
        return table;
    }

    String status() {
        return statusLine.getText();
    }
}
