package org.meseta.console.ui.offers;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.MasterLocation;
import org.meseta.console.core.history.OfferHistory;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.OfferView;
import org.meseta.console.core.model.RoleView;
import org.meseta.console.ui.feed.ClusterView;
import org.meseta.console.ui.feed.StatusText;
import org.meseta.console.ui.feed.UiClusterFeed;
import org.meseta.console.ui.tables.ChoiceFilter;
import org.meseta.console.ui.tables.RowTable;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Offers view: the allocator at work, live. The outstanding offers; what happened to offers lately (made,
 * accepted, declined with the refusal the framework asked for, rescinded, timed out), newest first; and the
 * allocator's view of each role (weight, weighted dominant share, what is allocated, offered and reserved, quota and
 * what the role consumes of it). A framework and an agent can be chosen to see only their offers.
 *
 * <p>A POJO part fed by a {@link UiClusterFeed}; all of it comes from Meseta's offer stream (a Mesos master has none:
 * the view then says so).
 */
public class OffersPart implements ClusterView {

    static final String ANY_FRAMEWORK = "All frameworks";
    static final String ANY_AGENT = "All agents";
    /** How many offer events the view keeps. */
    static final int HISTORY = 500;
    // Colours without a device need no disposing.
    private static final Color CREATED = new Color(0, 120, 0);
    private static final Color ACCEPTED = new Color(0, 60, 170);
    private static final Color DECLINED = new Color(170, 95, 0);
    private static final Color RESCINDED = new Color(180, 0, 0);
    private static final Color TIMED_OUT = new Color(130, 0, 130);

    private final ClusterClient client;
    private final UISynchronize ui;
    private final Clock clock;
    private final OfferHistory history = new OfferHistory(HISTORY);
    private UiClusterFeed feed;
    private Label statusLine;
    private ChoiceFilter framework;
    private ChoiceFilter agent;
    private Label summary;
    private RowTable<OfferView> outstanding;
    private RowTable<OfferHistory.Entry> events;
    private RowTable<RoleView> roles;
    private ConnectionState connection = new ConnectionState.Disconnected();
    /** The master whose offers the history holds. */
    private MasterLocation followed;
    private ClusterState cluster = ClusterState.EMPTY;
    /** The ids behind the filter combos' items after their first ("all") item. */

    @Inject
    public OffersPart(ClusterClient client, UISynchronize ui) {
        this(client, ui, Clock.systemDefaultZone());
    }

    /** A part that stamps offer events with {@code clock}'s time. */
    OffersPart(ClusterClient client, UISynchronize ui, Clock clock) {
        this.client = client;
        this.ui = ui;
        this.clock = clock;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(parent);
        statusLine = StatusText.line(parent);
        createFilters(parent);
        SashForm tables = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tables);
        outstanding = new RowTable<>(group(tables, "Outstanding offers"), OfferView.class,
                OfferColumns.outstanding(() -> cluster, history, OfferColumns.time(clock.getZone())), OfferView::id);
        events = new RowTable<>(group(tables, "What happened to offers, newest first"), OfferHistory.Entry.class,
                OfferColumns.events(OfferColumns.time(clock.getZone())), entry -> entry);
        events.setForeground(entry -> color(entry.event().kind()));
        roles = new RowTable<>(group(tables, "Roles: the allocator's view"), RoleView.class, OfferColumns.roles(),
                RoleView::name);
        tables.setWeights(30, 42, 28);
        connectionChanged(client.state());
        feed = UiClusterFeed.attach(client, ui, this);
    }

    private static Composite group(Composite parent, String title) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        group.setLayout(new FillLayout());
        return group;
    }

    private void createFilters(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).margins(4, 0).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        new Label(bar, SWT.NONE).setText("&Framework:");
        framework = new ChoiceFilter(bar, ANY_FRAMEWORK, 200, this::showTables);
        new Label(bar, SWT.NONE).setText("&Agent:");
        agent = new ChoiceFilter(bar, ANY_AGENT, 180, this::showTables);
        summary = new Label(bar, SWT.RIGHT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
    }

    /** The colour of an event's row: green made, blue accepted, amber declined, red rescinded, purple timed out. */
    private static Color color(OfferEvent.Kind kind) {
        return switch (kind) {
            case CREATED -> CREATED;
            case ACCEPTED -> ACCEPTED;
            case DECLINED -> DECLINED;
            case RESCINDED -> RESCINDED;
            case TIMED_OUT -> TIMED_OUT;
        };
    }

    @Focus
    public void setFocus() {
        outstanding.viewer().getControl().setFocus();
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
        if (state instanceof ConnectionState.Connecting connecting && !connecting.master().equals(followed)) {
            // Another master: its offers have nothing to do with the ones seen so far.
            history.clear();
            followed = connecting.master();
        }
        connection = state;
        showStatus();
        boolean stale = !state.isConnected();
        outstanding.setStale(stale);
        events.setStale(stale);
        roles.setStale(stale);
    }

    @Override
    public void clusterChanged(ClusterChange change) {
        if (statusLine.isDisposed()) {
            return;
        }
        cluster = change.state();
        history.record(change, clock.instant());
        updateFilters();
        showTables();
        showStatus();
    }

    private void showStatus() {
        String status = StatusText.of(connection, cluster);
        if (connection.isConnected() && !cluster.offersFollowed()) {
            status += " · this master has no offer stream (not a Meseta master): no offers to show";
        }
        statusLine.setText(status);
    }

    /** The filters offer every framework and agent known, keeping the chosen ones. */
    private void updateFilters() {
        framework.refill(ChoiceFilter.frameworks(cluster));
        agent.refill(ChoiceFilter.agents(cluster));
    }

    private OfferFilter filter() {
        return new OfferFilter(framework.chosen(), agent.chosen());
    }

    private void showTables() {
        OfferFilter filter = filter();
        List<OfferView> offers = cluster.offers().values().stream().filter(filter::matches)
                .sorted(Comparator.comparing(OfferView::hostname).thenComparing(OfferView::id)).toList();
        outstanding.show(offers);
        List<OfferHistory.Entry> shownEvents = history.newestFirst().stream().filter(filter::matches).toList();
        events.show(shownEvents);
        roles.show(cluster.roles().stream().filter(filter::matches).toList());
        summary.setText(offers.size() + (offers.size() == 1 ? " outstanding offer" : " outstanding offers") + " · "
                + shownEvents.size() + (shownEvents.size() == 1 ? " event" : " events"));
        summary.getParent().layout();
    }

    // Test access (the UI tests are a fragment in this package).

    String status() {
        return statusLine.getText();
    }

    String summary() {
        return summary.getText();
    }

    RowTable<OfferView> outstanding() {
        return outstanding;
    }

    RowTable<OfferHistory.Entry> events() {
        return events;
    }

    RowTable<RoleView> roles() {
        return roles;
    }

    ChoiceFilter frameworkFilter() {
        return framework;
    }

    ChoiceFilter agentFilter() {
        return agent;
    }
}
