package org.meseta.console.ui.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Text;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.launch.ConsoleFramework;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.RoleView;
import org.meseta.console.ui.actions.ActionBar;
import org.meseta.console.ui.actions.AgentActions;
import org.meseta.console.ui.feed.ClusterView;
import org.meseta.console.ui.feed.StatusText;
import org.meseta.console.ui.feed.UiClusterFeed;
import org.meseta.console.ui.launch.LaunchActions;
import org.meseta.console.ui.launch.PalettePanel;
import org.meseta.console.ui.preferences.PaletteStore;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Topology view: every agent as a tile with its resources, state, attributes and tasks ({@link TilePainter}),
 * live; filters by attributes, role and state; zoom. A status line says whether the tiles are live. A tile's context
 * menu acts on its agent ({@link AgentActions}), reporting in the line under the tiles. Beside the tiles, the launch
 * palette ({@link PalettePanel}): a definition dragged onto a tile is launched on its agent, a task's square dragged
 * onto another tile moves the task, and a task's square's menu kills it, by the console's own framework
 * ({@link TileLaunches}), reporting in the same line.
 *
 * <p>A POJO part, fed by a {@link UiClusterFeed} like the Agents view; the tiles are one custom-drawn
 * {@link TopologyCanvas}, so a thousand agents cost what the visible ones cost.
 */
public class TopologyPart implements ClusterView {

    static final String ANY_ROLE = "All roles";
    static final String ANY_STATE = "All states";

    private final ClusterClient client;
    private final CallClient calls;
    private final ConsoleFramework framework;
    private final PaletteStore paletteStore;
    private final UISynchronize ui;
    private UiClusterFeed feed;
    private Label statusLine;
    private ActionBar actions;
    private Text attributes;
    private Combo role;
    private Combo state;
    private Label zoomLabel;
    private Label summary;
    private TopologyCanvas tiles;
    private PalettePanel palette;
    private ConnectionState connection = new ConnectionState.Disconnected();
    private ClusterState cluster = ClusterState.EMPTY;
    private List<String> roles = List.of();

    @Inject
    public TopologyPart(ClusterClient client, CallClient calls, ConsoleFramework framework, PaletteStore paletteStore,
            UISynchronize ui) {
        this.client = client;
        this.calls = calls;
        this.framework = framework;
        this.paletteStore = paletteStore;
        this.ui = ui;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(parent);
        statusLine = StatusText.line(parent);
        createFilters(parent);
        Legend legend = new Legend(parent);
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 0).hint(SWT.DEFAULT, legend.height())
                .applyTo(legend.control());
        SashForm split = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        tiles = new TopologyCanvas(split, this::showZoom);
        actions = new ActionBar(parent, ui);
        palette = new PalettePanel(split, paletteStore, actions::problem);
        split.setWeights(72, 28);
        // A right click selects the tile under the mouse before the menu opens.
        Menu menu = new AgentActions(client, calls, ui, actions).attach(tiles.control(), tiles::selected);
        new TileLaunches(tiles, menu, new LaunchActions(framework, actions, () -> cluster));
        showZoom();
        connectionChanged(client.state());
        feed = UiClusterFeed.attach(client, ui, this);
    }

    private void createFilters(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(10).margins(4, 0).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        new Label(bar, SWT.NONE).setText("&Attributes:");
        attributes = new Text(bar, SWT.SEARCH | SWT.ICON_CANCEL);
        attributes.setMessage("rack:r1 zone:a or text");
        GridDataFactory.fillDefaults().hint(180, SWT.DEFAULT).applyTo(attributes);
        attributes.addModifyListener(event -> filterChanged());
        new Label(bar, SWT.NONE).setText("&Role:");
        role = new Combo(bar, SWT.READ_ONLY);
        role.setItems(ANY_ROLE);
        role.select(0);
        role.addListener(SWT.Selection, event -> filterChanged());
        new Label(bar, SWT.NONE).setText("&State:");
        state = new Combo(bar, SWT.READ_ONLY);
        state.add(ANY_STATE);
        for (AgentState each : AgentState.values()) {
            state.add(each.label());
        }
        state.select(0);
        state.addListener(SWT.Selection, event -> filterChanged());
        Button smaller = new Button(bar, SWT.PUSH);
        smaller.setText("−");
        smaller.setToolTipText("Zoom out (Ctrl+wheel)");
        smaller.addListener(SWT.Selection, event -> tiles.setZoom(tiles.zoom() - 1));
        zoomLabel = new Label(bar, SWT.CENTER);
        GridDataFactory.fillDefaults().align(SWT.CENTER, SWT.CENTER).hint(48, SWT.DEFAULT).applyTo(zoomLabel);
        Button larger = new Button(bar, SWT.PUSH);
        larger.setText("+");
        larger.setToolTipText("Zoom in (Ctrl+wheel)");
        larger.addListener(SWT.Selection, event -> tiles.setZoom(tiles.zoom() + 1));
        summary = new Label(bar, SWT.RIGHT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
    }

    @Focus
    public void setFocus() {
        tiles.control().setFocus();
    }

    @PreDestroy
    public void dispose() {
        feed.close();
    }

    @Override
    public void connectionChanged(ConnectionState newState) {
        if (statusLine.isDisposed()) {
            return;
        }
        connection = newState;
        statusLine.setText(StatusText.of(connection, cluster));
        tiles.setStale(!connection.isConnected());
    }

    @Override
    public void clusterChanged(ClusterChange change) {
        if (statusLine.isDisposed()) {
            return;
        }
        cluster = change.state();
        tiles.show(change);
        if (change.reset() || change.roles() || !change.agents().isEmpty()) {
            updateRoles();
        }
        statusLine.setText(StatusText.of(connection, cluster));
        showSummary();
    }

    /** The role filter offers every role an agent or the allocator knows, keeping the chosen one. */
    private void updateRoles() {
        TreeSet<String> known = new TreeSet<>();
        for (AgentView agent : cluster.agents().values()) {
            known.addAll(agent.roles());
        }
        cluster.roles().stream().map(RoleView::name).forEach(known::add);
        List<String> next = new ArrayList<>(known);
        if (next.equals(roles)) {
            return;
        }
        String chosen = role.getText();
        roles = next;
        role.removeAll();
        role.add(ANY_ROLE);
        next.forEach(role::add);
        int index = next.indexOf(chosen);
        role.select(index < 0 ? 0 : index + 1);
        if (index < 0 && !chosen.equals(ANY_ROLE)) {
            filterChanged();
        }
    }

    private void filterChanged() {
        Optional<String> chosenRole = role.getSelectionIndex() <= 0 ? Optional.empty()
                : Optional.of(role.getText());
        Optional<AgentState> chosenState = state.getSelectionIndex() <= 0 ? Optional.empty()
                : Optional.of(AgentState.values()[state.getSelectionIndex() - 1]);
        tiles.setFilter(TopologyFilter.NONE.withAttributes(attributes.getText()).withRole(chosenRole)
                .withState(chosenState));
        showSummary();
    }

    private void showZoom() {
        zoomLabel.setText(Math.round(TileLayout.ZOOMS[tiles.zoom()] * 100) + " %");
    }

    private void showSummary() {
        int shown = tiles.shown().size();
        int tasks = 0;
        for (AgentView agent : tiles.shown()) {
            tasks += agent.tasks().size();
        }
        String agents = shown == tiles.total() ? shown + (shown == 1 ? " agent" : " agents")
                : shown + " of " + tiles.total() + " agents";
        summary.setText(agents + " · " + tasks + (tasks == 1 ? " task" : " tasks"));
        summary.getParent().layout();
    }

    // Test access (the UI tests are a fragment in this package).

    TopologyCanvas tiles() {
        return tiles;
    }

    PalettePanel palette() {
        return palette;
    }

    String status() {
        return statusLine.getText();
    }

    ActionBar actions() {
        return actions;
    }

    String summary() {
        return summary.getText();
    }

    Text attributesFilter() {
        return attributes;
    }

    Combo roleFilter() {
        return role;
    }

    Combo stateFilter() {
        return state;
    }
}
