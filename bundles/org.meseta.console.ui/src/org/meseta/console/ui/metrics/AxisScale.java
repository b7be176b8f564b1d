package org.meseta.console.ui.metrics;

/**
 * The value axis of a chart: from 0 to a round top above the largest value, in a few round steps (1, 2 or 5 times
 * a power of ten), so the grid lines fall on numbers people read at a glance. Immutable.
 *
 * @param step the distance between two grid lines
 * @param top the axis's top, a whole number of steps
 */
record AxisScale(double step, double top) {

    /** The scale for values up to {@code max} with at most {@code maxSteps} steps (1 when all values are 0). */
    static AxisScale of(double max, int maxSteps) {
        double wanted = Math.max(max, 1e-9) / maxSteps;
        double power = Math.pow(10, Math.floor(Math.log10(wanted)));
        double step = power;
        for (double factor : new double[] {1, 2, 5, 10}) {
            step = factor * power;
            if (step >= wanted) {
                break;
            }
        }
        if (max <= 0) {
            step = 1;
        }
        double top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
        return new AxisScale(step, top);
    }

    /** How many steps the axis has. */
    int steps() {
        return (int) Math.round(top / step);
    }
}
