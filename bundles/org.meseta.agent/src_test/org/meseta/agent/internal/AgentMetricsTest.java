package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.testing.MetricValues.assertMetric;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.framework;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.Metric;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.agent.Protos.Call;
import org.apache.mesos.v1.agent.Protos.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.json.JsonCodec;
import org.meseta.testing.Http;
import org.meseta.testing.MetricValues;

/** The agent's {@code GET /metrics/snapshot} and operator {@code GET_METRICS} over real HTTP, with real tasks. */
class AgentMetricsTest {

    @TempDir
    Path workDir;

    private LinkedAgent agent;

    @BeforeEach
    void start() throws Exception {
        agent = LinkedAgent.start(workDir);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private Map<String, Double> snapshot() throws Exception {
        return MetricValues.snapshot(agent.uri("/metrics/snapshot?timeout=10secs"));
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
    void runningAndFinishedTasksShowInGaugesAndCounters() throws Exception {
        Map<String, Double> idle = snapshot();
        assertMetric(idle, "slave/registered", 1);
        assertMetric(idle, "slave/frameworks_active", 0);
        assertMetric(idle, "slave/executors_running", 0);
        assertMetric(idle, "slave/cpus_used", 0);
        assertMetric(idle, "slave/cpus_percent", 0);
        assertTrue(idle.get("slave/cpus_total") > 0);
        assertTrue(idle.get("slave/mem_total") > 0);
        assertTrue(idle.containsKey("slave/disk_total") && idle.containsKey("slave/gpus_total"));
        assertTrue(idle.get("slave/uptime_secs") >= 0);

        agent.run(framework(), commandTask("t1", "sleep 1000"));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
        agent.run(framework(), commandTask("t2", "true"));
        agent.acknowledgeStates("t2", TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);

        Map<String, Double> metrics = snapshot();
        assertMetric(metrics, "slave/frameworks_active", 1);
        assertMetric(metrics, "slave/tasks_running", 1);
        assertMetric(metrics, "slave/tasks_staging", 0);
        assertMetric(metrics, "slave/tasks_starting", 0);
        assertMetric(metrics, "slave/tasks_killing", 0);
        assertMetric(metrics, "slave/tasks_finished", 1);
        assertMetric(metrics, "slave/tasks_failed", 0);
        assertMetric(metrics, "slave/tasks_killed", 0);
        assertMetric(metrics, "slave/tasks_lost", 0);
        assertTrue(metrics.get("slave/executors_running") >= 1);
        double used = metrics.get("slave/cpus_used");
        assertTrue(used > 0 && used <= metrics.get("slave/cpus_total"), "cpus_used " + used);
        assertMetric(metrics, "slave/cpus_percent", used / metrics.get("slave/cpus_total"));
    }

    @Test
    void getMetricsAnswersWhatTheSnapshotShowsInBothEncodings() throws Exception {
        agent.run(framework(), commandTask("t1", "exit 3"));
        agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FAILED);
        Call call = Call.newBuilder().setType(Call.Type.GET_METRICS).build();

        Map<String, Double> snapshot = withoutVolatile(snapshot());
        var json = Http.post(agent.uri("/api/v1"), JsonCodec.encodeToString(call), "Content-Type", Http.JSON);
        assertEquals(200, json.statusCode(), () -> Http.text(json));
        var protobuf = Http.post(agent.uri("/slave(1)/api/v1"), call.toByteArray(), "Content-Type", Http.PROTOBUF,
                "Accept", Http.PROTOBUF);
        assertEquals(200, protobuf.statusCode(), () -> Http.text(protobuf));

        assertEquals(snapshot, withoutVolatile(values(JsonCodec.decode(json.body(), Response.newBuilder()).build())));
        assertEquals(snapshot, withoutVolatile(values(Response.parseFrom(protobuf.body()))));
        assertMetric(snapshot, "slave/tasks_failed", 1);
    }

    /**
     * Without what may move between two requests: the uptime, and the executor of the ended task, which the agent
     * reaps in its own time.
     */
    private static Map<String, Double> withoutVolatile(Map<String, Double> metrics) {
        assertTrue(metrics.remove("slave/uptime_secs") >= 0);
        metrics.keySet().removeIf(name -> name.startsWith("slave/executors_") || name.startsWith("slave/frameworks_")
                || name.matches("slave/(cpus|mem|disk|gpus)_(used|percent)"));
        return metrics;
    }
}
