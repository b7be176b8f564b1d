package org.meseta.console.ui.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.history.MetricChart;
import org.meseta.console.core.history.MetricSeries;
import org.meseta.console.ui.testing.RealCluster;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.ViewHarness;
import org.meseta.daemon.Daemon;

/**
 * The Metrics part on a real display against a real master and agents, sampling every 200 ms over a 30-second
 * window so that the charts fill within the test: tasks launched in two roles show as allocation per role and as
 * running tasks, their offers as offers per second, a task that finishes as a task ended, and an agent that stops
 * as an unreachable agent. The last picture is the documentation's screenshot of the view.
 */
@Timeout(120)
class MetricsPartAgainstRealMasterTest {

    private static final Duration WINDOW = Duration.ofSeconds(30);

    @TempDir
    Path workDir;

    private ViewHarness harness;
    private RealCluster cluster;
    private Display display;
    private ClusterClient client;
    private MetricsPart part;

    @BeforeEach
    void openPart() throws Exception {
        harness = ViewHarness.open(workDir, 1140, 600);
        cluster = harness.cluster();
        display = harness.display();
        client = harness.client();
        part = new MetricsPart(client, harness.ui(), Clock.systemDefaultZone(),
                Duration.ofMillis(200), WINDOW);
        harness.view(part::dispose);
        part.createControls(harness.shell());
        harness.shell().open();
    }

    @AfterEach
    void closeEverything() throws Exception {
        harness.close();
    }

    @Test
    void theChartsFollowAllocationOffersTasksAndAgents() throws Exception {
        cluster.startMaster();
        cluster.startAgent("node-a.test", "cpus:4;mem:4096", "");
        Daemon.Running nodeB = cluster.startAgent("node-b.test", "cpus:1;mem:256", "");
        client.connect(cluster.master());
        waitUntil(() -> latest(MetricChart.AGENTS_BY_STATE, "active") == 2, "two active agents charted");

        cluster.launch("web", "sleep 600", "cpus:1.5;mem:1024");
        waitUntil(() -> latest(MetricChart.TASKS_BY_STATE, "running") == 1, "one task running");
        cluster.launch("batch", "sleep 600", "cpus:1;mem:512", "--role=batch");
        cluster.launch("once", "sleep 1", "cpus:0.5;mem:64");
        waitUntil(() -> latest(MetricChart.CPUS_BY_ROLE, "batch") == 1
                && latest(MetricChart.CPUS_BY_ROLE, "*") >= 1.5 && latest(MetricChart.MEM_BY_ROLE, "batch") == 512,
                "cpus and memory allocated to both roles");
        waitUntil(() -> max(MetricChart.OFFERS_PER_SECOND, "made") > 0
                && max(MetricChart.OFFERS_PER_SECOND, "accepted") > 0, "offers made and accepted per second");
        waitUntil(() -> max(MetricChart.TASKS_ENDED, "finished") > 0, "the short task ended");

        nodeB.close();
        waitUntil(() -> latest(MetricChart.AGENTS_BY_STATE, "unreachable") == 1, "node-b unreachable");
        // A little more history to the right of the last event, for the picture.
        long later = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        waitUntil(() -> System.nanoTime() > later, "three more seconds charted");

        File png = new File(TestOutput.directory(), "screenshots/metrics-real-master.png");
        Ui.screenshot(harness.shell(), png);
        assertTrue(png.length() > 1000, () -> png + " should hold a picture");
        Optional<File> docs = TestOutput.docsImages();
        if (docs.isPresent()) {
            Files.copy(png.toPath(), docs.get().toPath().resolve("console-metrics.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Optional<MetricSeries> series(MetricChart chart, String name) {
        return part.chart(chart).series().stream().filter(one -> one.name().equals(name)).findFirst();
    }

    private double latest(MetricChart chart, String name) {
        return series(chart, name).map(MetricSeries::latest).orElse(-1.0);
    }

    private double max(MetricChart chart, String name) {
        return series(chart, name).map(one -> one.points().stream().mapToDouble(MetricSeries.Point::value).max()
                .orElse(0)).orElse(0.0);
    }

    private void waitUntil(BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, Duration.ofSeconds(30), condition, expectation,
                () -> "status '" + part.status() + "', charts " + Arrays.stream(MetricChart.values())
                        .map(chart -> chart + " " + part.chart(chart).series().stream()
                                .map(one -> one.name() + "=" + one.latest()).toList()).toList());
    }
}
