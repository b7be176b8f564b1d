package org.meseta.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/** A daemon's {@code /metrics/snapshot} as name → value, and the check tests make of one metric. Stateless. */
public final class MetricValues {

    private MetricValues() {}

    /** GETs {@code uri} (a {@code /metrics/snapshot}, with any query), which must answer 200 with a flat object. */
    public static Map<String, Double> snapshot(URI uri) throws IOException, InterruptedException {
        Map<String, Double> metrics = new TreeMap<>();
        Http.getJson(uri).forEach((name, value) -> metrics.put(name, ((BigDecimal) value).doubleValue()));
        return metrics;
    }

    /** {@code name} is among {@code metrics} with the value {@code expected}. */
    public static void assertMetric(Map<String, Double> metrics, String name, double expected) {
        assertTrue(metrics.containsKey(name), () -> name + " missing from " + metrics.keySet());
        assertEquals(expected, metrics.get(name), 1e-9, name);
    }
}
