package org.meseta.master.internal.allocation;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.SortedMap;

/**
 * The allocator's timers as Mesos publishes them: {@code allocator/mesos/allocation_runs}, and for
 * {@code allocator/mesos/allocation_run_ms} (how long a pass took) and {@code allocator/mesos/allocation_run_latency_ms}
 * (how long a pass waited between being asked for and starting) the last value plus {@code /count}, {@code /min},
 * {@code /max} and the percentiles {@code /p50} to {@code /p9999} of the values of the last hour, Mesos's window.
 * Confined to the allocator thread.
 */
final class PassStatistics {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final String PREFIX = "allocator/mesos/";
    private static final double[] PERCENTILES = {0.5, 0.9, 0.95, 0.99, 0.999, 0.9999};
    private static final String[] PERCENTILE_NAMES = {"p50", "p90", "p95", "p99", "p999", "p9999"};

    private final Timer run = new Timer("allocation_run_ms");
    private final Timer latency = new Timer("allocation_run_latency_ms");
    private long runs;

    /** A pass started at {@code startNanos} ({@link System#nanoTime()}), asked for at {@code askedNanos}. */
    void record(long askedNanos, long startNanos, long endNanos) {
        runs++;
        latency.add(endNanos, startNanos - askedNanos);
        run.add(endNanos, endNanos - startNanos);
    }

    /** Adds the figures to {@code metrics}, the windows as of {@code nowNanos}. */
    void putTo(SortedMap<String, Double> metrics, long nowNanos) {
        metrics.put(PREFIX + "allocation_runs", (double) runs);
        run.putTo(metrics, nowNanos);
        latency.putTo(metrics, nowNanos);
    }

    /** One timer: its samples of the last {@link #WINDOW}, in milliseconds, oldest first. */
    private static final class Timer {
        private final String name;
        private final Deque<long[]> samples = new ArrayDeque<>();

        Timer(String name) {
            this.name = PREFIX + name;
        }

        void add(long atNanos, long valueNanos) {
            samples.addLast(new long[] {atNanos, valueNanos});
        }

        void putTo(SortedMap<String, Double> metrics, long nowNanos) {
            while (!samples.isEmpty() && nowNanos - samples.peekFirst()[0] > WINDOW.toNanos()) {
                samples.removeFirst();
            }
            if (samples.isEmpty()) {
                return;
            }
            double[] millis = samples.stream().mapToDouble(sample -> sample[1] / 1e6).toArray();
            metrics.put(name, millis[millis.length - 1]);
            Arrays.sort(millis);
            metrics.put(name + "/count", (double) millis.length);
            metrics.put(name + "/min", millis[0]);
            metrics.put(name + "/max", millis[millis.length - 1]);
            for (int i = 0; i < PERCENTILES.length; i++) {
                int index = (int) Math.min(millis.length - 1, Math.floor(PERCENTILES[i] * millis.length));
                metrics.put(name + "/" + PERCENTILE_NAMES[i], millis[index]);
            }
        }
    }
}
