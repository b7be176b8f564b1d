package org.meseta.console.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.console.core.ClusterEvents.agent;
import static org.meseta.console.core.ClusterEvents.resources;
import static org.meseta.console.core.ClusterEvents.subscribed;
import static org.meseta.console.core.ClusterEvents.task;
import static org.meseta.console.core.ClusterEvents.taskAdded;
import static org.meseta.console.core.ClusterEvents.taskUpdated;

import java.util.ArrayList;
import java.util.List;

import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.junit.jupiter.api.Test;
import org.meseta.api.json.JsonCodec;
import org.meseta.console.core.ClusterEvents;
import org.meseta.console.core.model.ClusterChange;

/**
 * The model at the size the console must stay responsive at: 1,000 agents and 20,000 tasks. A benchmark that prints
 * how long decoding the snapshot, applying it, applying bursts of events and publishing (coalescing) take; it
 * asserts only what the model ends up holding, never a time (figures in docs/performance.md). Each figure is the
 * best of {@value #ROUNDS} rounds, the first rounds warming the JIT up.
 */
class LiveClusterScaleTest {

    private static final int AGENTS = 1000;
    private static final int TASKS_PER_AGENT = 20;
    private static final int ROUNDS = 5;
    private static final String FW = "F-0000";

    private static String agentId(int agent) {
        return "M-S" + agent;
    }

    private static Event snapshot() {
        List<GetAgents.Agent> agents = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (int a = 0; a < AGENTS; a++) {
            agents.add(agent(agentId(a), "node-" + a + ".example", resources(32, 131072, 1048576), List.of(),
                    "rack:r" + a % 40 + ";zone:z" + a % 3));
            for (int t = 0; t < TASKS_PER_AGENT; t++) {
                tasks.add(task(FW, "task-" + a + "-" + t, agentId(a), TaskState.TASK_RUNNING, 0.5, 1024));
            }
        }
        return subscribed(agents, tasks, List.of(ClusterEvents.framework(FW, "big", "*")));
    }

    @Test
    void aThousandAgentsWithTwentyThousandTasks() throws Exception {
        Event snapshot = snapshot();
        byte[] json = JsonCodec.encode(snapshot);
        List<Event> burst = new ArrayList<>();
        for (int a = 0; a < AGENTS; a++) {
            for (int t = 0; t < TASKS_PER_AGENT; t++) {
                burst.add(taskUpdated(FW, "task-" + a + "-" + t, agentId(a), TaskState.TASK_KILLING));
            }
        }
        List<Event> launches = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            launches.add(taskAdded(task(FW, "new-" + i, agentId(i % AGENTS), TaskState.TASK_STAGING, 0.1, 32)));
        }

        long decode = Long.MAX_VALUE;
        long reset = Long.MAX_VALUE;
        long apply = Long.MAX_VALUE;
        long coalesced = Long.MAX_VALUE;
        long perTenth = Long.MAX_VALUE;
        long small = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            Event decoded = JsonCodec.decode(json, Event.newBuilder()).build();
            decode = Math.min(decode, System.nanoTime() - started);

            LiveCluster model = new LiveCluster();
            started = System.nanoTime();
            model.apply(decoded);
            ClusterChange first = model.publish();
            reset = Math.min(reset, System.nanoTime() - started);
            assertEquals(AGENTS * TASKS_PER_AGENT, first.state().taskCount());

            started = System.nanoTime();
            burst.forEach(model::apply);
            apply = Math.min(apply, System.nanoTime() - started);
            started = System.nanoTime();
            ClusterChange all = model.publish();
            coalesced = Math.min(coalesced, System.nanoTime() - started);
            assertEquals(AGENTS, all.agents().size());
            assertEquals(AGENTS * TASKS_PER_AGENT, all.tasks().size());

            // The same number of events in ten publications, as if they came over a second.
            started = System.nanoTime();
            for (int part = 0; part < 10; part++) {
                launches.subList(part * 200, (part + 1) * 200).forEach(model::apply);
                model.publish();
            }
            perTenth = Math.min(perTenth, (System.nanoTime() - started) / 10);

            started = System.nanoTime();
            model.apply(taskUpdated(FW, "task-7-0", agentId(7), TaskState.TASK_RUNNING));
            ClusterChange one = model.publish();
            small = Math.min(small, System.nanoTime() - started);
            assertEquals(1, one.agents().size());
            assertEquals(AGENTS * TASKS_PER_AGENT + launches.size(), one.state().taskCount());
        }
        System.out.printf("LiveCluster, %d agents, %d tasks (best of %d rounds):%n", AGENTS, AGENTS * TASKS_PER_AGENT,
                ROUNDS);
        System.out.printf("  decode SUBSCRIBED (%.1f MB of JSON)      %8.1f ms%n", json.length / 1e6, decode / 1e6);
        System.out.printf("  apply it and publish the first state     %8.1f ms%n", reset / 1e6);
        System.out.printf("  apply a burst of %d TASK_UPDATED      %8.1f ms (%.2f us per event)%n", burst.size(),
                apply / 1e6, apply / 1e3 / burst.size());
        System.out.printf("  publish that burst as one change         %8.1f ms (all %d agents changed)%n",
                coalesced / 1e6, AGENTS);
        System.out.printf("  200 TASK_ADDED, then publish             %8.1f ms%n", perTenth / 1e6);
        System.out.printf("  one TASK_UPDATED, then publish           %8.3f ms%n", small / 1e6);
    }
}
