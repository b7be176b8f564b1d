package org.meseta.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.mesos.v1.Protos.Metric;
import org.meseta.api.flags.StoutDuration;
import org.meseta.api.resources.Resources;
import org.meseta.http.HttpHandler;
import org.meseta.http.HttpResponse;
import org.meseta.http.Router;

/**
 * What the master's and the agent's metrics share: {@code GET /metrics/snapshot} (one flat JSON object of
 * {@code "prefix/name": number}, as Mesos's metrics process serves it), the {@code metrics[]} list of the operator
 * {@code GET_METRICS} call, and the resource gauges both publish. A daemon takes its metrics, name → value, on its
 * own actor thread; everything here renders such an immutable map and is stateless and thread-safe.
 */
public final class Metrics {

    /** The resources whose {@code _total}, {@code _used} and {@code _percent} gauges Mesos publishes. */
    private static final List<String> RESOURCES = List.of("cpus", "gpus", "mem", "disk");

    private Metrics() {}

    /**
     * Adds {@code /metrics/snapshot}, at the root only: in Mesos it belongs to the separate {@code metrics} process,
     * not to the master or agent process. {@code ?timeout=} is accepted as Mesos does (400 when it is not a duration)
     * and otherwise ignored: every metric is ready when the snapshot is taken.
     *
     * @param snapshot takes the metrics on the daemon's actor thread
     */
    public static void addTo(Router.Builder routes,
            Supplier<CompletionStage<SortedMap<String, Double>>> snapshot) {
        HttpHandler handler = request -> {
            var timeout = request.queryParameter("timeout");
            if (timeout.isPresent()) {
                try {
                    StoutDuration.parse(timeout.get());
                } catch (IllegalArgumentException e) {
                    return CompletableFuture.completedFuture(HttpResponse.text(400,
                            "Invalid timeout '" + timeout.get() + "': " + e.getMessage()));
                }
            }
            return snapshot.get().thenApply(metrics -> JsonBody.respond(request, generator -> {
                generator.writeStartObject();
                for (Map.Entry<String, Double> metric : metrics.entrySet()) {
                    generator.writeNumberField(metric.getKey(), metric.getValue());
                }
                generator.writeEndObject();
            }));
        };
        routes.route("GET", "/metrics/snapshot", handler);
    }

    /** {@code GET_METRICS}' list: the same names and values as {@code /metrics/snapshot}, in name order. */
    public static List<Metric> list(SortedMap<String, Double> metrics) {
        return metrics.entrySet().stream()
                .map(metric -> Metric.newBuilder().setName(metric.getKey()).setValue(metric.getValue()).build())
                .toList();
    }

    /**
     * Adds {@code <prefix>/<resource>_total}, {@code _used} and {@code _percent} for cpus, gpus, mem and disk, as
     * Mesos does: percent is used / total (a fraction, despite the name), 0 when there is none.
     *
     * @param prefix {@code "master"} or {@code "slave"}
     */
    public static void putResources(SortedMap<String, Double> metrics, String prefix, Resources total,
            Resources used) {
        for (String resource : RESOURCES) {
            double totalValue = total.scalar(resource);
            double usedValue = used.scalar(resource);
            metrics.put(prefix + "/" + resource + "_total", totalValue);
            metrics.put(prefix + "/" + resource + "_used", usedValue);
            metrics.put(prefix + "/" + resource + "_percent", totalValue == 0 ? 0.0 : usedValue / totalValue);
        }
    }

    /** {@code <prefix>/uptime_secs}: fractional seconds since {@code start}. */
    public static double uptimeSecs(Instant start, Instant now) {
        Duration uptime = Duration.between(start, now);
        return uptime.getSeconds() + uptime.getNano() / 1e9;
    }

    /** A flag as a gauge: 1 or 0. */
    public static double gauge(boolean value) {
        return value ? 1.0 : 0.0;
    }
}
