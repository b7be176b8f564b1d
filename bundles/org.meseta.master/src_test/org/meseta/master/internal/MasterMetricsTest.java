package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.testing.MetricValues.assertMetric;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.Metric;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.testing.Http;
import org.meseta.testing.MetricValues;

/** {@code GET /metrics/snapshot} and the operator {@code GET_METRICS} call over real HTTP. */
class MasterMetricsTest {

    @TempDir
    Path workDir;

    private TestMaster master;

    @BeforeEach
    void startMaster() throws Exception {
        master = TestMaster.start(workDir, "--agent_ping_timeout=10mins");
    }

    @AfterEach
    void stopMaster() {
        master.close();
    }

    private Map<String, Double> snapshot(String query) throws Exception {
        return MetricValues.snapshot(master.uri("/metrics/snapshot" + query));
    }

    private static Map<String, Double> values(Response response) {
        assertEquals(Response.Type.GET_METRICS, response.getType());
        Map<String, Double> metrics = new TreeMap<>();
        for (Metric metric : response.getGetMetrics().getMetricsList()) {
            metrics.put(metric.getName(), metric.getValue());
        }
        return metrics;
    }

    @Test
    void anIdleMasterIsElectedWithNothingRegistered() throws Exception {
        Map<String, Double> metrics = snapshot("");

        assertMetric(metrics, "master/elected", 1);
        assertTrue(metrics.get("master/uptime_secs") >= 0);
        for (String zero : new String[] {"master/slaves_active", "master/slaves_inactive", "master/slaves_connected",
            "master/slaves_disconnected", "master/slaves_unreachable", "master/frameworks_active",
            "master/frameworks_inactive", "master/frameworks_connected", "master/frameworks_disconnected",
            "master/outstanding_offers", "master/tasks_staging", "master/tasks_starting", "master/tasks_running",
            "master/tasks_killing", "master/tasks_unreachable", "master/tasks_finished", "master/tasks_failed",
            "master/tasks_killed", "master/tasks_lost", "master/tasks_error", "master/tasks_dropped",
            "master/tasks_gone", "master/tasks_gone_by_operator", "master/cpus_total", "master/cpus_used",
            "master/cpus_percent", "master/mem_total", "master/mem_used", "master/mem_percent",
            "master/disk_total", "master/disk_used", "master/disk_percent", "master/gpus_total",
            "master/gpus_used", "master/gpus_percent"}) {
            assertMetric(metrics, zero, 0);
        }
    }

    @Test
    void aTaskRunToFinishedIsCountedAndItsResourcesAreUsedWhileItRuns() throws Exception {
        Launched launched = Launched.on(master, SchedulerSession.framework("metrics"), "t1");

        Map<String, Double> staging = snapshot("");
        assertMetric(staging, "master/slaves_active", 1);
        assertMetric(staging, "master/slaves_connected", 1);
        assertMetric(staging, "master/frameworks_active", 1);
        assertMetric(staging, "master/frameworks_connected", 1);
        assertMetric(staging, "master/outstanding_offers", 0);
        assertMetric(staging, "master/tasks_staging", 1);
        assertMetric(staging, "master/cpus_total", 2);
        assertMetric(staging, "master/cpus_used", 2);
        assertMetric(staging, "master/cpus_percent", 1);
        assertMetric(staging, "master/mem_total", 1024);
        assertMetric(staging, "master/mem_used", 1024);
        assertMetric(staging, "master/disk_total", 4096);
        assertMetric(staging, "master/disk_used", 0);

        launched.report(TaskState.TASK_RUNNING);
        Map<String, Double> running = snapshot("?timeout=5secs");
        assertMetric(running, "master/tasks_staging", 0);
        assertMetric(running, "master/tasks_running", 1);

        launched.framework().accepted(Calls.acknowledge(launched.report(TaskState.TASK_FINISHED)));
        Map<String, Double> finished = snapshot("");
        assertMetric(finished, "master/tasks_running", 0);
        assertMetric(finished, "master/tasks_finished", 1);
        assertMetric(finished, "master/tasks_failed", 0);
        assertMetric(finished, "master/cpus_used", 0);
        assertMetric(finished, "master/cpus_percent", 0);
    }

    @Test
    void theAllocatorsFiguresAreMesossNames() throws Exception {
        Launched.on(master, SchedulerSession.framework("metrics"), "t1");

        Map<String, Double> metrics = snapshot("");

        assertMetric(metrics, "allocator/mesos/resources/cpus/total", 2);
        assertMetric(metrics, "allocator/mesos/resources/cpus/offered_or_allocated", 2);
        assertMetric(metrics, "allocator/mesos/resources/mem/total", 1024);
        assertMetric(metrics, "allocator/mesos/resources/disk/total", 4096);
        // The task holds every cpu and all memory: the default role's dominant share is the whole cluster.
        assertMetric(metrics, "allocator/mesos/roles/*/shares/dominant", 1);
        // The pass that made the offer ran before the task was launched from it.
        double runs = metrics.get("allocator/mesos/allocation_runs");
        assertTrue(runs >= 1, "allocation_runs " + runs);
        assertMetric(metrics, "allocator/mesos/allocation_run_ms/count", runs);
        assertTrue(metrics.get("allocator/mesos/allocation_run_ms/min")
                <= metrics.get("allocator/mesos/allocation_run_ms/p50"), () -> "timer " + metrics);
        assertTrue(metrics.get("allocator/mesos/allocation_run_ms/p50")
                <= metrics.get("allocator/mesos/allocation_run_ms/max"), () -> "timer " + metrics);
        assertTrue(metrics.containsKey("allocator/mesos/allocation_run_latency_ms/p99"), () -> "" + metrics);
        assertTrue(metrics.get("allocator/mesos/event_queue_dispatches") >= 0, () -> "" + metrics);
    }

    @Test
    void aDeclineWithAFilterCountsAsAnActiveOfferFilterOfItsRole() throws Exception {
        master.agent();
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("decliner"));
        framework.subscribed();
        assertFalse(snapshot("").containsKey("allocator/mesos/offer_filters/roles/*/active"), "no filter yet");

        framework.accepted(Calls.decline(framework.offer(), 3600));

        assertMetric(snapshot(""), "allocator/mesos/offer_filters/roles/*/active", 1);
    }

    @Test
    void getMetricsAnswersWhatTheSnapshotShowsInBothEncodings() throws Exception {
        Launched launched = Launched.on(master, SchedulerSession.framework("metrics"), "t1");
        launched.report(TaskState.TASK_FAILED);
        // The failed task's resources are offered again; once they are, nothing changes until the next call.
        launched.framework().next(Event.Type.OFFERS);

        OperatorClient operator = new OperatorClient(master);
        Map<String, Double> snapshot = withoutUptime(snapshot(""));
        Map<String, Double> json = withoutUptime(values(operator.json(OperatorClient.call(Call.Type.GET_METRICS))));
        Map<String, Double> protobuf =
                withoutUptime(values(operator.protobuf(OperatorClient.call(Call.Type.GET_METRICS))));

        assertEquals(snapshot, json);
        assertEquals(snapshot, protobuf);
        assertMetric(json, "master/tasks_failed", 1);
        assertMetric(json, "master/outstanding_offers", 1);
    }

    /** Only the uptime moves between two requests. */
    private static Map<String, Double> withoutUptime(Map<String, Double> metrics) {
        assertTrue(metrics.remove("master/uptime_secs") >= 0);
        return metrics;
    }

    @Test
    void aTimeoutThatIsNotADurationIsRefused() throws Exception {
        var response = Http.get(master.uri("/metrics/snapshot?timeout=soon"));

        assertEquals(400, response.statusCode());
    }
}
