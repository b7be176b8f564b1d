package org.meseta.tests.benchmark.failover;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.resources.Resources;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpClientOptions;
import org.meseta.http.HttpTransport;

/**
 * Many {@link SimulatedAgent}s sharing one HTTP client and one thread, each reporting its share of a framework's
 * running tasks, all following the leader the caller reports ({@link #leaderChanged}), as agents following
 * ZooKeeper do. Records, per master, when each agent was registered by it.
 */
final class AgentFleet implements AutoCloseable {

    private static final String AGENT_RESOURCES = "cpus:16;mem:65536;disk:65536";
    private static final String TASK_RESOURCES = "cpus:0.1;mem:32";

    private final HttpTransport transport = HttpTransport.create("fleet-http", 2);
    private final HttpClient client = new HttpClient(transport, HttpClientOptions.defaults());
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread created = new Thread(runnable, "fleet");
        created.setDaemon(true);
        return created;
    });
    private final List<SimulatedAgent> agents = new ArrayList<>();
    // Owned by the fleet's thread.
    private String registeringMaster = "";
    private long[] registeredAt = new long[0];
    private int registered;

    /**
     * {@code agents} agents of {@value #AGENT_RESOURCES}, reporting {@code tasks} tasks of {@value #TASK_RESOURCES}
     * of {@code framework} between them (as evenly as they divide); {@code backoffFactor} is their
     * {@code --registration_backoff_factor}.
     */
    AgentFleet(int agents, int tasks, FrameworkInfo framework, Duration backoffFactor) throws Exception {
        Resources total = Resources.parse(AGENT_RESOURCES, "*");
        Resources taskResources = Resources.parse(TASK_RESOURCES, "*");
        for (int i = 0; i < agents; i++) {
            AgentInfo info = AgentInfo.newBuilder().setHostname("agent-" + i + ".failover").setPort(5051)
                    .addAllResources(total.toList()).build();
            String pid = "slave(1)@10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff) + ":5051";
            List<Task> running = new ArrayList<>();
            for (int t = i; t < tasks; t += agents) {
                running.add(Task.newBuilder().setName("task-" + t).setTaskId(TaskID.newBuilder().setValue("task-" + t))
                        .setFrameworkId(framework.getId()).setAgentId(AgentID.newBuilder().setValue("pending"))
                        .setState(TaskState.TASK_RUNNING).addAllResources(taskResources.toList()).build());
            }
            int index = i;
            this.agents.add(new SimulatedAgent(info, pid, framework, running, backoffFactor.toNanos(), client, thread,
                    (registration, nanoTime) -> registered(index, registration, nanoTime)));
        }
    }

    /**
     * {@code leader} leads now: every agent subscribes to it after its backoff, and registrations by it are counted
     * from now on.
     */
    void leaderChanged(MasterInfo leader) {
        URI uri = URI.create("http://" + leader.getAddress().getIp() + ":" + leader.getPort());
        thread.execute(() -> {
            registeringMaster = leader.getPid();
            registeredAt = new long[agents.size()];
            registered = 0;
            agents.forEach(agent -> agent.leaderChanged(uri));
        });
    }

    private void registered(int index, AgentEvent.Registered registration, long nanoTime) {
        if (registration.masterInfo().getPid().equals(registeringMaster) && registeredAt[index] == 0) {
            registeredAt[index] = nanoTime;
            registered++;
        }
    }

    /**
     * Waits until every agent has been registered by the master with {@code pid} (the last one reported leading) and
     * returns when each was, in {@link System#nanoTime()}, in the agents' order; fails after {@code timeout}.
     * {@code check} runs at every look and may end the wait by throwing.
     */
    long[] awaitRegistered(String pid, Duration timeout, Runnable check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            check.run();
            long[] times = thread.submit(() -> pid.equals(registeringMaster) && registered == agents.size()
                    ? Arrays.copyOf(registeredAt, registeredAt.length) : null).get();
            if (times != null) {
                return times;
            }
            Thread.sleep(20);
        }
        int count = thread.submit(() -> registered).get();
        throw new IllegalStateException("Only " + count + " of " + agents.size() + " agents registered with " + pid
                + " within " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
        client.close();
        transport.close();
    }
}
