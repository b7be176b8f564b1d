package org.meseta.console.ui.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AxisScaleTest {

    @Test
    void theTopIsARoundNumberOfRoundStepsAboveTheLargestValue() {
        assertEquals(new AxisScale(1, 4), AxisScale.of(3.2, 4));
        assertEquals(new AxisScale(0.5, 1.5), AxisScale.of(1.5, 4));
        assertEquals(new AxisScale(2000, 8000), AxisScale.of(6144, 4));
        assertEquals(new AxisScale(5, 20), AxisScale.of(20, 4));
        assertEquals(4, AxisScale.of(20, 4).steps());
    }

    @Test
    void nothingToShowStillHasAnAxis() {
        assertEquals(new AxisScale(1, 1), AxisScale.of(0, 4));
    }

    @Test
    void timeGridLinesAreRoundAndAtMostSix() {
        assertEquals(Duration.ofSeconds(10), LineChart.timeTick(Duration.ofMinutes(1)));
        assertEquals(Duration.ofMinutes(2), LineChart.timeTick(Duration.ofMinutes(10)));
        assertEquals(Duration.ofMinutes(5), LineChart.timeTick(Duration.ofMinutes(30)));
    }
}
