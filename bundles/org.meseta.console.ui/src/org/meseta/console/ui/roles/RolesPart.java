package org.meseta.console.ui.roles;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.CallResult;
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
 * The Roles view: each role's weight, weighted share, quota guarantees and limits, and what it holds, with an editor
 * for weights ({@code UPDATE_WEIGHTS}) and quota ({@code UPDATE_QUOTA}) that checks an edit by the master's rules
 * before sending it; the outcome, or the master's refusal as it wrote it, shows in the line under the editor.
 *
 * <p>Weights, shares and allocations come live from Meseta's offer stream (the model's role view). The event streams
 * do not carry quota, so the view asks the master for it ({@code GET_QUOTA}) when it connects, after each quota
 * edit and on <b>Refresh quota</b>, never on a timer.
 */
public class RolesPart implements ClusterView {

    private final ClusterClient client;
    private final CallClient calls;
    private final UISynchronize ui;
    private UiClusterFeed feed;
    private Label statusLine;
    private Label quotaState;
    private LiveTable<RoleRow> table;
    private RoleEditor editor;
    private ActionBar actions;
    private ConnectionState connection = new ConnectionState.Disconnected();
    private ClusterState cluster = ClusterState.EMPTY;
    private Map<String, QuotaConfig> quota = Map.of();

    @Inject
    public RolesPart(ClusterClient client, CallClient calls, UISynchronize ui) {
        this.client = client;
        this.calls = calls;
        this.ui = ui;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(parent);
        statusLine = StatusText.line(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 0).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        Button refresh = new Button(bar, SWT.PUSH);
        refresh.setText("&Refresh quota");
        refresh.setToolTipText("Ask the master for every role's quota (the event streams do not carry it)");
        refresh.addListener(SWT.Selection, event -> readQuota());
        quotaState = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(quotaState);
        table = new LiveTable<>(parent, RoleRow.class, Arrays.stream(RoleColumn.values())
                .map(column -> new LiveTable.Column<RoleRow>(column.title, column.width, column::text)).toList(),
                RoleRow::name, Comparator.comparing(RoleRow::name));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.viewer().getControl());
        editor = new RoleEditor(parent, edit -> send(edit, false), edit -> send(edit, true));
        table.viewer().addSelectionChangedListener(event -> table.selected().ifPresent(editor::edit));
        actions = new ActionBar(parent, ui);
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
        boolean connectedNow = state.isConnected() && !state.equals(connection);
        connection = state;
        statusLine.setText(StatusText.of(state, cluster));
        table.setStale(!state.isConnected());
        if (connectedNow) {
            readQuota();
        }
    }

    @Override
    public void clusterChanged(ClusterChange change) {
        if (statusLine.isDisposed()) {
            return;
        }
        cluster = change.state();
        if (change.reset() || change.roles()) {
            showRows();
        }
        statusLine.setText(StatusText.of(connection, cluster));
    }

    private void showRows() {
        table.show(RoleRow.of(cluster, quota));
    }

    private void send(RoleEditor.Edit edit, boolean quotaChanged) {
        // A weight shows in the offer stream's next role view; quota is read back.
        actions.track(edit.what(), calls.operator(edit.call()), result -> {
            if (result.isSuccess() && quotaChanged) {
                readQuota();
            }
        });
    }

    /** Asks the master for every role's quota, off the UI thread, and shows it when it comes. */
    private void readQuota() {
        quotaState.setText("Reading quota…");
        calls.operator(OperatorCalls.getQuota()).result().thenAccept(result -> ui.asyncExec(() -> {
            if (!quotaState.isDisposed()) {
                quotaRead(result);
            }
        }));
    }

    private void quotaRead(CallResult<Response> result) {
        if (result instanceof CallResult.Succeeded<Response> read) {
            Map<String, QuotaConfig> configs = new HashMap<>();
            read.value().getGetQuota().getStatus().getConfigsList().forEach(config -> configs.put(config.getRole(),
                    config));
            quota = Map.copyOf(configs);
            quotaState.setText(quota.isEmpty() ? "No role has quota" : quota.size()
                    + (quota.size() == 1 ? " role has quota" : " roles have quota"));
            showRows();
        } else {
            quotaState.setText("Quota unknown: " + result.describe());
        }
        quotaState.getParent().layout();
    }

    // Test access (the UI tests are a fragment in this package).

    LiveTable<RoleRow> table() {
        return table;
    }

    RoleEditor editor() {
        return editor;
    }

    ActionBar actions() {
        return actions;
    }

    String quotaState() {
        return quotaState.getText();
    }
}
