package org.meseta.tests.benchmark.allocator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.meseta.allocator.api.Allocation;
import org.meseta.allocator.api.Allocator;
import org.meseta.api.resources.Resources;
import org.meseta.tests.benchmark.Figures;
import org.meseta.testing.ManualClock;

/**
 * How fast the hierarchical allocator places small tasks: frameworks that each want as many tasks of 1 cpu and
 * 1 GiB as they are offered. Each wave is one allocation pass; every framework keeps of each offer what its tasks
 * use and gives the rest back without a filter, then every task ends and its resources are recovered. Prints the
 * tasks placed per second of whole waves (allocate, launch, release), after warm-up waves. Drives the allocator
 * through its SPI on one thread with a manual clock; prints figures only, asserts nothing about them.
 *
 * <pre>--agents=10000 --frameworks=100,1000 --waves=8 --warmup=3</pre>
 */
public final class PlacementBenchmark {

    private static final String ROLE = "role1";
    private static final Resources AGENT = Harness.resources("cpus:16;mem:65536");
    private static final double TASK_CPUS = 1;
    private static final double TASK_MEM = 1024;

    /** The resources of {@code n} tasks, allocated to the role; offers mostly fit the same few counts. */
    private final Map<Integer, Resources> tasksOf = new HashMap<>();

    private PlacementBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> options = Figures.options(args, Set.of("agents", "frameworks", "waves", "warmup"));
        int agents = Integer.parseInt(options.getOrDefault("agents", "10000"));
        int waves = Integer.parseInt(options.getOrDefault("waves", "8"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        System.out.printf("Placement benchmark: agents %s, tasks cpus:%s;mem:%s, %d warm-up and %d measured waves%n",
                AGENT, TASK_CPUS, TASK_MEM, warmup, waves);
        for (String frameworks : options.getOrDefault("frameworks", "100,1000").split(",")) {
            new PlacementBenchmark().run(agents, Integer.parseInt(frameworks.trim()), warmup, waves);
        }
    }

    private void run(int agents, int frameworks, int warmup, int waves) {
        System.out.printf("%n== %,d agents x %,d frameworks%n", agents, frameworks);
        ManualClock clock = new ManualClock();
        Allocator allocator = Harness.hierarchicalAllocator(clock);
        for (int i = 0; i < frameworks; i++) {
            allocator.addFramework(Harness.frameworkId(i), Harness.frameworkInfo(i, ROLE), Map.of(), true, Set.of());
        }
        long start = System.nanoTime();
        for (int i = 0; i < agents; i++) {
            allocator.addAgent(Harness.agentId(i), Harness.agentInfo(i), AGENT, Map.of());
        }
        System.out.printf("added %,d agents in %.1f ms%n", agents, Figures.millis(System.nanoTime() - start));

        double[] tasksPerSecond = new double[waves];
        for (int wave = -warmup; wave < waves; wave++) {
            long waveStart = System.nanoTime();
            List<Allocation> offers = allocator.allocate();
            long allocated = System.nanoTime();
            List<Allocation> launched = new ArrayList<>(offers.size());
            int tasks = 0;
            for (Allocation offer : offers) {
                int count = (int) Math.min(offer.resources().scalar("cpus") / TASK_CPUS,
                        offer.resources().scalar("mem") / TASK_MEM);
                Resources used = count == 0 ? Resources.empty() : tasksOf(count);
                Resources unused = offer.resources().minus(used);
                if (!unused.isEmpty()) {
                    allocator.recoverResources(offer.frameworkId(), offer.agentId(), unused, Optional.empty());
                }
                if (count > 0) {
                    launched.add(new Allocation(offer.frameworkId(), offer.role(), offer.agentId(), used));
                    tasks += count;
                }
            }
            for (Allocation running : launched) {
                allocator.recoverResources(running.frameworkId(), running.agentId(), running.resources(),
                        Optional.empty());
            }
            long waveEnd = System.nanoTime();
            double perSecond = tasks / ((waveEnd - waveStart) / 1e9);
            if (wave >= 0) {
                tasksPerSecond[wave] = perSecond;
            }
            System.out.printf(
                    "wave %2d%s: %,7d tasks in %,5d offers; allocate %7.1f ms, wave %7.1f ms: %,9.0f tasks/s%n",
                    wave + warmup + 1, wave < 0 ? " (warm-up)" : "", tasks, offers.size(),
                    Figures.millis(allocated - waveStart), Figures.millis(waveEnd - waveStart), perSecond);
        }
        System.out.printf("placed: median %,.0f tasks/s over %d waves; heap used %,d MiB%n",
                Figures.median(tasksPerSecond), waves, Harness.heapUsedMib(allocator));
    }

    private Resources tasksOf(int count) {
        return tasksOf.computeIfAbsent(count, n -> Harness.allocatedTo(
                Harness.resources("cpus:" + n * TASK_CPUS + ";mem:" + n * TASK_MEM), ROLE));
    }
}
