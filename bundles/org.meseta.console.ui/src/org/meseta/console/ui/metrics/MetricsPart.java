package org.meseta.console.ui.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.MasterLocation;
import org.meseta.console.core.history.MetricChart;
import org.meseta.console.core.history.MetricHistory;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.ui.feed.ClusterView;
import org.meseta.console.ui.feed.StatusText;
import org.meseta.console.ui.feed.UiClusterFeed;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Metrics view: six charts of the last {@value #WINDOW_MINUTES} minutes, drawn with SWT ({@link LineChart}):
 * CPUs and memory allocated per role, offers per second, tasks by state, tasks ended per minute, agents by state.
 *
 * <p>A POJO part fed by a {@link UiClusterFeed}. Every figure comes from the model the event streams keep
 * ({@link MetricHistory}); nothing is asked of the master. Each change is taken in as it comes (offer events and
 * ended tasks are counted), and every {@code interval} (a second) the charts get a point from the latest model, while
 * the console is connected.
 */
public class MetricsPart implements ClusterView {

    /** How far back the charts go. */
    static final int WINDOW_MINUTES = 10;

    private final ClusterClient client;
    private final UISynchronize ui;
    private final Clock clock;
    private final Duration interval;
    private final Duration window;
    private final MetricHistory history;
    private final Map<MetricChart, LineChart> charts = new EnumMap<>(MetricChart.class);
    private UiClusterFeed feed;
    private Label statusLine;
    private ConnectionState connection = new ConnectionState.Disconnected();
    private ClusterState cluster = ClusterState.EMPTY;
    /** The master whose figures the charts hold. */
    private MasterLocation followed;

    @Inject
    public MetricsPart(ClusterClient client, UISynchronize ui) {
        this(client, ui, Clock.systemDefaultZone(), Duration.ofSeconds(1), Duration.ofMinutes(WINDOW_MINUTES));
    }

    /** A part that samples every {@code interval} on {@code clock} and charts the last {@code window}. */
    MetricsPart(ClusterClient client, UISynchronize ui, Clock clock, Duration interval, Duration window) {
        this.client = client;
        this.ui = ui;
        this.clock = clock;
        this.interval = interval;
        this.window = window;
        this.history = new MetricHistory((int) (window.toMillis() / interval.toMillis()) + 1);
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(parent);
        statusLine = StatusText.line(parent);
        Composite grid = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).equalWidth(true).spacing(4, 4).margins(4, 0).applyTo(grid);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(grid);
        for (MetricChart chart : MetricChart.values()) {
            LineChart line = new LineChart(grid, chart, window);
            GridDataFactory.fillDefaults().grab(true, true).applyTo(line.control());
            charts.put(chart, line);
        }
        connectionChanged(client.state());
        feed = UiClusterFeed.attach(client, ui, this);
        statusLine.getDisplay().timerExec((int) interval.toMillis(), this::sample);
    }

    @Focus
    public void setFocus() {
        statusLine.getParent().setFocus();
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
            // Another master: its figures do not continue the ones drawn so far.
            history.clear();
            followed = connecting.master();
        }
        connection = state;
        statusLine.setText(StatusText.of(connection, cluster));
        charts.values().forEach(chart -> chart.setStale(!state.isConnected()));
    }

    @Override
    public void clusterChanged(ClusterChange change) {
        if (statusLine.isDisposed()) {
            return;
        }
        cluster = change.state();
        history.observe(change);
        statusLine.setText(StatusText.of(connection, cluster));
    }

    /** Adds a point to every chart (while connected) and comes back after the interval. */
    private void sample() {
        if (statusLine.isDisposed()) {
            return;
        }
        if (connection.isConnected()) {
            history.sample(cluster, clock.instant());
            charts.forEach((chart, line) -> line.show(history.series(chart), clock.instant()));
        }
        statusLine.getDisplay().timerExec((int) interval.toMillis(), this::sample);
    }

    // Test access (the UI tests are a fragment in this package).

    String status() {
        return statusLine.getText();
    }

    LineChart chart(MetricChart chart) {
        return charts.get(chart);
    }
}
