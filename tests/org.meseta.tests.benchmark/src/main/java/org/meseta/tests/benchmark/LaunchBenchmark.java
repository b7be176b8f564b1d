package org.meseta.tests.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.tests.v1client.Calls;
import org.meseta.tests.v1client.PipelinedCalls;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;

/**
 * One framework launches many {@code true} command tasks on a fresh local cluster, as fast as offers allow, and
 * prints tasks finished per second (per agent), the ACCEPT → TASK_RUNNING latency percentiles and what the
 * machine's CPU did meanwhile, next to what merely starting a task's processes costs the machine
 * ({@link SpawnFloor}). A warm-up of {@code --warmup} tasks runs first, uncounted: the figures are those of a
 * cluster whose JIT compilers have done most of their work, as a cluster that has run for a while. Prints figures
 * only; it asserts nothing about them.
 *
 * <pre>--root=DIR --tasks=10000 --warmup=10000 --agents=1 --in_flight=256 --work_dir=DIR --isolation=posix/cpu,posix/mem</pre>
 * {@code --isolation} is the agents' (default: theirs); compare e.g. {@code cgroups/cpu,cgroups/mem,cgroups/pids}.
 */
public final class LaunchBenchmark {

    private static final double TASK_CPUS = 0.01;
    /** Enough for {@code true} under a hard memory limit (cgroups/mem). */
    private static final double TASK_MEM = 32;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final SchedulerClient framework;
    /** ACCEPTs and acknowledgements are pipelined on one connection, as busy frameworks do. */
    private final PipelinedCalls calls;
    private final int inFlightLimit;
    /** Offers kept while the in-flight limit is reached, used as tasks end (in the next phase too). */
    private final ArrayDeque<Offer> held = new ArrayDeque<>();
    /** Every pipelined call must have been accepted (202) by the end. */
    private final List<CompletableFuture<Integer>> answers = new ArrayList<>();

    /** One stretch of launches, the warm-up or the measured one: its tasks' ids start with {@code prefix}. */
    private static final class Phase {
        final String prefix;
        final int tasks;
        final Map<String, Long> acceptedAt = new HashMap<>();
        final List<Long> toRunningNanos = new ArrayList<>();
        int launched;
        int finished;
        int failed;

        Phase(String prefix, int tasks) {
            this.prefix = prefix;
            this.tasks = tasks;
        }

        int inFlight() {
            return launched - finished - failed;
        }

        boolean done() {
            return finished + failed >= tasks;
        }
    }

    private Phase phase;

    private LaunchBenchmark(SchedulerClient framework, PipelinedCalls calls, int inFlightLimit) {
        this.framework = framework;
        this.calls = calls;
        this.inFlightLimit = inFlightLimit;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Figures.options(args, Set.of("tasks", "warmup", "agents", "in_flight",
                "work_dir", "isolation"));
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int tasks = Integer.parseInt(options.getOrDefault("tasks", "10000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10000"));
        int agents = Integer.parseInt(options.getOrDefault("agents", "1"));
        int inFlight = Integer.parseInt(options.getOrDefault("in_flight", "256"));
        Path workDir = Path.of(options.getOrDefault("work_dir",
                Files.createTempDirectory("meseta-benchmark").toString()));

        Optional<String> isolation = Optional.ofNullable(options.get("isolation"));
        System.out.printf("Launch benchmark: %d tasks 'true' (after %d to warm up) on %d agent(s), at most %d in"
                + " flight, isolation %s%n", tasks, warmup, agents, inFlight,
                isolation.orElse("(the agents' default)"));
        try (LocalCluster cluster = LocalCluster.start(root, workDir, agents, "cpus:64;mem:65536;disk:1024",
                isolation);
                SchedulerClient framework = SchedulerClient.subscribe(cluster.master(), Wire.PROTOBUF,
                        SchedulerClient.framework("launch-benchmark"));
                PipelinedCalls calls = PipelinedCalls.open(cluster.master(), framework, 64)) {
            LaunchBenchmark benchmark = new LaunchBenchmark(framework, calls, inFlight);
            if (warmup > 0) {
                long start = System.nanoTime();
                benchmark.run(new Phase("warmup-", warmup));
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("warm-up: %d tasks in %.1f s (%.0f tasks/s), not counted%n", warmup, seconds,
                        warmup / seconds);
            }
            MachineCpu.Sample before = MachineCpu.sample();
            long start = System.nanoTime();
            benchmark.run(new Phase("t", tasks));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            MachineCpu.Sample after = MachineCpu.sample();
            benchmark.checkAnswers();
            benchmark.report(elapsed, agents);
            System.out.println(MachineCpu.describe(before, after, elapsed, benchmark.phase.finished, "task"));
            System.out.println(SpawnFloor.measure(2000, workDir));
            framework.accepted(Calls.teardown());
        }
    }

    private void run(Phase next) throws Exception {
        phase = next;
        useHeldOffers();
        long lastReport = System.nanoTime();
        while (!phase.done()) {
            Event event = framework.next(SchedulerClient.WAIT);
            switch (event.getType()) {
                case OFFERS -> event.getOffers().getOffersList().forEach(this::use);
                case UPDATE -> {
                    update(event.getUpdate().getStatus());
                    useHeldOffers();
                }
                default -> { }
            }
            if (System.nanoTime() - lastReport > PROGRESS_EVERY.toNanos()) {
                System.out.printf("  … %d launched, %d finished%n", phase.launched, phase.finished);
                lastReport = System.nanoTime();
            }
        }
    }

    /** Launches on held offers while the in-flight limit and the phase's tasks allow. */
    private void useHeldOffers() {
        while (!held.isEmpty() && phase.inFlight() < inFlightLimit && phase.launched < phase.tasks) {
            use(held.poll());
        }
    }

    /**
     * Launches as many tasks as the offer and the in-flight limit allow, the rest coming back at once; an offer
     * that cannot be used now is held.
     */
    private void use(Offer offer) {
        double cpus = scalar(offer, "cpus");
        double mem = scalar(offer, "mem");
        int fit = (int) Math.min(Math.floor(cpus / TASK_CPUS + 1e-9), Math.floor(mem / TASK_MEM));
        int count = Math.max(0, Math.min(fit, Math.min(phase.tasks - phase.launched,
                inFlightLimit - phase.inFlight())));
        if (count == 0) {
            held.add(offer);
            return;
        }
        List<TaskInfo> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(Calls.commandTask(phase.prefix + (phase.launched + i), offer, "true", TASK_CPUS, TASK_MEM)
                    .build());
        }
        Call.Builder accept = Calls.launch(offer, batch.toArray(TaskInfo[]::new));
        accept.getAcceptBuilder().getFiltersBuilder().setRefuseSeconds(0);
        long now = System.nanoTime();
        batch.forEach(task -> phase.acceptedAt.put(task.getTaskId().getValue(), now));
        phase.launched += count;
        send(accept);
    }

    private void send(Call.Builder call) {
        try {
            answers.add(calls.send(call));
        } catch (Exception e) {
            throw new IllegalStateException(call.getType() + " could not be sent", e);
        }
    }

    private void checkAnswers() {
        for (CompletableFuture<Integer> answer : answers) {
            int status = answer.join();
            if (status != 202) {
                throw new IllegalStateException("A call was answered " + status);
            }
        }
    }

    /** An update of a task of an earlier phase is acknowledged and otherwise ignored. */
    private void update(TaskStatus status) {
        if (status.hasUuid()) {
            send(Calls.acknowledge(status));
        }
        String id = status.getTaskId().getValue();
        if (!id.startsWith(phase.prefix)) {
            return;
        }
        if (status.getState() == TaskState.TASK_RUNNING && phase.acceptedAt.containsKey(id)) {
            phase.toRunningNanos.add(System.nanoTime() - phase.acceptedAt.remove(id));
        } else if (status.getState() == TaskState.TASK_FINISHED) {
            phase.finished++;
        } else if (status.getState() != TaskState.TASK_STARTING && status.getState() != TaskState.TASK_RUNNING) {
            phase.failed++;
            System.out.println("  task " + id + " ended " + status.getState() + ": " + status.getMessage());
        }
    }

    private void report(Duration elapsed, int agents) {
        List<Long> latencies = phase.toRunningNanos;
        Collections.sort(latencies);
        double seconds = elapsed.toNanos() / 1e9;
        System.out.printf("%d tasks finished, %d failed, in %.1f s%n", phase.finished, phase.failed, seconds);
        System.out.printf("throughput: %.0f tasks/s finished (%.0f per agent)%n", phase.finished / seconds,
                phase.finished / seconds / agents);
        System.out.printf("ACCEPT -> TASK_RUNNING: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)%n",
                percentile(latencies, 0.50), percentile(latencies, 0.99), percentile(latencies, 1.0),
                latencies.size());
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static double scalar(Offer offer, String name) {
        return offer.getResourcesList().stream().filter(resource -> resource.getName().equals(name))
                .mapToDouble(resource -> resource.getScalar().getValue()).sum();
    }
}
