package org.meseta.console.ui.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.meseta.console.core.ResourceFormat;
import org.meseta.console.core.history.MetricChart;
import org.meseta.console.core.history.MetricSeries;

/**
 * A line chart drawn with SWT's GC: a heading, a legend with each series' latest value, a value axis from 0 with
 * round grid lines, and the last {@code window} of time, now on the right. Each series is a polyline in a colour of
 * its own (in the order the series appeared). UI thread only.
 */
final class LineChart {

    /** Line colours, in the order series are given; colours without a device need no disposing. */
    static final List<Color> COLOURS = List.of(new Color(31, 119, 180), new Color(255, 127, 14),
            new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75),
            new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207));
    private static final int MARGIN = 6;
    private static final int AXIS_WIDTH = 48;
    private static final int MAX_STEPS = 4;
    private static final Color GRID = new Color(225, 225, 225);

    private final Canvas canvas;
    private final MetricChart chart;
    private final Duration window;
    private List<MetricSeries> series = List.of();
    private Instant now = Instant.EPOCH;
    private boolean stale;

    LineChart(Composite parent, MetricChart chart, Duration window) {
        this.chart = chart;
        this.window = window;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(event -> paint(event.gc));
    }

    Control control() {
        return canvas;
    }

    /** Shows {@code newSeries} as of {@code at} (the right edge). */
    void show(List<MetricSeries> newSeries, Instant at) {
        series = List.copyOf(newSeries);
        now = at;
        canvas.redraw();
    }

    /** Draws in grey while the figures may be out of date (the master is not answering). */
    void setStale(boolean isStale) {
        stale = isStale;
        canvas.redraw();
    }

    List<MetricSeries> series() {
        return series;
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setAntialias(SWT.ON);
        Color text = canvas.getDisplay().getSystemColor(stale ? SWT.COLOR_WIDGET_DISABLED_FOREGROUND
                : SWT.COLOR_WIDGET_FOREGROUND);
        gc.setForeground(text);
        int lineHeight = gc.getFontMetrics().getHeight();
        gc.drawString(chart.title() + " (" + chart.unit() + ")", MARGIN, MARGIN, true);
        int legendBottom = paintLegend(gc, MARGIN + lineHeight + 2, area.width - 2 * MARGIN, lineHeight);
        Rectangle plot = new Rectangle(MARGIN + AXIS_WIDTH, legendBottom + lineHeight / 2,
                area.width - 2 * MARGIN - AXIS_WIDTH, area.height - legendBottom - lineHeight / 2 - lineHeight
                        - MARGIN);
        if (plot.width < 20 || plot.height < 20) {
            return;
        }
        AxisScale scale = AxisScale.of(visibleMax(), MAX_STEPS);
        paintAxes(gc, plot, scale, text, lineHeight);
        for (int i = 0; i < series.size(); i++) {
            paintSeries(gc, plot, scale, series.get(i), stale ? text : COLOURS.get(i % COLOURS.size()));
        }
    }

    /** The legend, wrapped across lines; returns the y below it. */
    private int paintLegend(GC gc, int top, int width, int lineHeight) {
        int x = MARGIN;
        int y = top;
        for (int i = 0; i < series.size(); i++) {
            MetricSeries one = series.get(i);
            String label = one.name() + " " + ResourceFormat.number(one.latest());
            int entryWidth = lineHeight + 4 + gc.textExtent(label).x + 12;
            if (x > MARGIN && x + entryWidth > width) {
                x = MARGIN;
                y += lineHeight + 2;
            }
            gc.setBackground(stale ? GRID : COLOURS.get(i % COLOURS.size()));
            gc.fillRectangle(x, y + lineHeight / 4, lineHeight / 2 + 2, lineHeight / 2 + 2);
            gc.drawString(label, x + lineHeight / 2 + 6, y, true);
            x += entryWidth;
        }
        return series.isEmpty() ? top + lineHeight : y + lineHeight + 2;
    }

    private void paintAxes(GC gc, Rectangle plot, AxisScale scale, Color text, int lineHeight) {
        for (int step = 0; step <= scale.steps(); step++) {
            double value = step * scale.step();
            int y = plot.y + plot.height - (int) Math.round(value / scale.top() * plot.height);
            gc.setForeground(GRID);
            gc.drawLine(plot.x, y, plot.x + plot.width, y);
            gc.setForeground(text);
            String label = ResourceFormat.number(value);
            Point extent = gc.textExtent(label);
            gc.drawString(label, plot.x - extent.x - 4, y - extent.y / 2, true);
        }
        long tick = timeTick(window).toSeconds();
        for (long ago = 0; ago <= window.toSeconds(); ago += tick) {
            int x = plot.x + plot.width - (int) Math.round((double) ago / window.toSeconds() * plot.width);
            gc.setForeground(GRID);
            gc.drawLine(x, plot.y, x, plot.y + plot.height);
            String label = ago == 0 ? "now" : ago % 60 == 0 ? "−" + ago / 60 + " min" : "−" + ago + " s";
            Point extent = gc.textExtent(label);
            // The left edge's label would run into the next one: the grid line says enough.
            if (x - extent.x / 2 >= plot.x) {
                gc.setForeground(text);
                gc.drawString(label, Math.min(x - extent.x / 2, plot.x + plot.width - extent.x),
                        plot.y + plot.height + 2, true);
            }
        }
        gc.drawRectangle(plot.x, plot.y, plot.width, plot.height);
    }

    /** The time between two grid lines: the shortest round one that gives at most six of them. */
    static Duration timeTick(Duration window) {
        for (long seconds : new long[] {10, 15, 30, 60, 120, 300, 600, 1800, 3600}) {
            if (seconds * 6 >= window.toSeconds()) {
                return Duration.ofSeconds(seconds);
            }
        }
        return Duration.ofHours(1);
    }

    private void paintSeries(GC gc, Rectangle plot, AxisScale scale, MetricSeries one, Color colour) {
        Instant from = now.minus(window);
        int[] xy = new int[one.points().size() * 2];
        int n = 0;
        for (MetricSeries.Point point : one.points()) {
            if (point.time().isBefore(from)) {
                continue;
            }
            double fraction = (double) Duration.between(from, point.time()).toMillis() / window.toMillis();
            xy[n++] = plot.x + (int) Math.round(fraction * plot.width);
            xy[n++] = plot.y + plot.height - (int) Math.round(point.value() / scale.top() * plot.height);
        }
        gc.setForeground(colour);
        gc.setLineWidth(2);
        if (n == 2) {
            gc.drawOval(xy[0] - 1, xy[1] - 1, 2, 2);
        } else if (n > 2) {
            int[] line = new int[n];
            System.arraycopy(xy, 0, line, 0, n);
            gc.drawPolyline(line);
        }
        gc.setLineWidth(1);
    }

    private double visibleMax() {
        Instant from = now.minus(window);
        double max = 0;
        for (MetricSeries one : series) {
            for (MetricSeries.Point point : one.points()) {
                if (!point.time().isBefore(from)) {
                    max = Math.max(max, point.value());
                }
            }
        }
        return max;
    }
}
