package org.meseta.console.core.history;

import java.time.Instant;
import java.util.List;

/**
 * One line of a chart: a name and its points, oldest first. Immutable.
 *
 * @param name what it counts ({@code running}, a role)
 * @param points its values over time, oldest first
 */
public record MetricSeries(String name, List<Point> points) {

    /**
     * One value at one time.
     *
     * @param time when it was sampled
     * @param value the value
     */
    public record Point(Instant time, double value) {
    }

    public MetricSeries {
        points = List.copyOf(points);
    }

    /** The latest value; 0 without points. */
    public double latest() {
        return points.isEmpty() ? 0 : points.get(points.size() - 1).value();
    }
}
