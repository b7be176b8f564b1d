package org.meseta.tests.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.tests.v1client.Calls;
import org.meseta.tests.v1client.SchedulerClient;

/**
 * The tasks of a fault test: shell commands launched through a test's framework, which leave a trace of every start.
 * A {@link #sleeper} appends its pid to {@code <dir>/<task id>.pid} and sleeps, so that a test can tell that a task
 * still runs in the same process and that it was started once. {@link #close()} kills every task process the test
 * learned of: tasks may outlive agents that a test killed, and always outlive the test's frameworks.
 */
final class Workload implements AutoCloseable {

    private static final Duration WAIT = SchedulerClient.WAIT;

    private final Path dir;
    private final Set<Long> pids = ConcurrentHashMap.newKeySet();

    /** Tasks that keep their pid files in {@code dir}. */
    Workload(Path dir) {
        this.dir = dir;
    }

    /** A command that appends its pid to the task's pid file, then sleeps ten minutes as that very process. */
    String sleeper(String taskId) {
        return "echo $$ >> " + pidFile(taskId) + "; exec sleep 600";
    }

    private Path pidFile(String taskId) {
        return dir.resolve(taskId + ".pid");
    }

    /**
     * The pid of the task's process; fails unless the task recorded exactly one pid, i.e. it was started once. Waits
     * for the record while the task starts.
     */
    long pid(String taskId) {
        Path file = pidFile(taskId);
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            List<String> lines = pids(file);
            while (lines.isEmpty() && System.nanoTime() < deadline) {
                Cluster.sleep(Duration.ofMillis(100));
                lines = pids(file);
            }
            if (lines.size() != 1) {
                throw new AssertionError("Task " + taskId + " was started " + lines.size() + " times: pids " + lines);
            }
            long pid = Long.parseLong(lines.get(0));
            pids.add(pid);
            return pid;
        } catch (IOException e) {
            throw new UncheckedIOException("No pid of task " + taskId, e);
        }
    }

    /** The complete lines of a pid file; none while it does not exist. */
    private static List<String> pids(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file);
        return text.lines().limit(text.endsWith("\n") ? Long.MAX_VALUE : Math.max(0, text.lines().count() - 1))
                .toList();
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Launches tasks on the framework's next offer, given as task ids and shell commands in turn; each takes 0.1 cpus
     * and 32 MB, and the rest of the offer is refused for an hour so that other frameworks get it.
     */
    static void launch(SchedulerClient framework, String... idsAndCommands) throws Exception {
        Offer offer = framework.await(Event.Type.OFFERS).getOffers().getOffers(0);
        TaskInfo[] tasks = new TaskInfo[idsAndCommands.length / 2];
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = Calls.commandTask(idsAndCommands[2 * i], offer, idsAndCommands[2 * i + 1], 0.1, 32).build();
        }
        var call = Calls.launch(offer, tasks);
        call.getAcceptBuilder().getFiltersBuilder().setRefuseSeconds(3600);
        framework.accepted(call);
    }

    /**
     * Takes the framework's updates (passing over any other event) until each task of {@code wanted} got an update
     * to its state; acknowledges every update when {@code acknowledge} says so. Returns the last update of each task
     * seen.
     */
    static Map<String, TaskStatus> awaitStates(SchedulerClient framework, Map<String, TaskState> wanted,
            boolean acknowledge) throws Exception {
        Map<String, TaskStatus> last = new HashMap<>();
        Set<String> reached = new HashSet<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!reached.containsAll(wanted.keySet())) {
            TaskStatus status = framework.poll(Event.Type.UPDATE, Duration.ofNanos(Math.max(0,
                    deadline - System.nanoTime()))).orElseThrow(() -> new AssertionError("No update within "
                            + WAIT + " to " + wanted + "; last updates: " + last)).getUpdate().getStatus();
            String task = status.getTaskId().getValue();
            last.put(task, status);
            if (wanted.get(task) == status.getState()) {
                reached.add(task);
            }
            if (acknowledge && status.hasUuid()) {
                framework.acknowledge(status);
            }
        }
        return last;
    }

    /** The state {@code /master/tasks} of the master at {@code master} shows for the task; "none" if not listed. */
    static String taskState(String master, String taskId) {
        JsonNode tasks = Cluster.getJson(master, "/master/tasks").orElseThrow().path("tasks");
        for (JsonNode task : tasks) {
            if (task.path("id").asText().equals(taskId)) {
                return task.path("state").asText();
            }
        }
        return "none";
    }

    /** Kills every task process whose pid was read. */
    @Override
    public void close() {
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
}
