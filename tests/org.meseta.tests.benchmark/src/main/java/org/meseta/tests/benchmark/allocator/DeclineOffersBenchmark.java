package org.meseta.tests.benchmark.allocator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
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
 * Frameworks that decline every offer with a long {@code refuse_seconds}, so that offer filters pile up on every
 * agent (the scenario of Mesos's {@code HierarchicalAllocator_BENCHMARK_Test.DeclineOffers}). Drives the
 * hierarchical allocator through its SPI on one thread with a manual clock and prints the time to add the agents
 * and the time of each allocation pass, also as the CPU time of the benchmark's thread (which leaves out garbage
 * collection and time the thread waited for a core: the allocator's own work, the figure a busy machine disturbs
 * least). Prints figures only; it asserts nothing about them.
 *
 * <pre>--sizes=1000x100,10000x1000 --big --rounds=10</pre>
 * {@code --sizes} lists agents x frameworks; {@code --big} adds 50000x6000.
 */
public final class DeclineOffersBenchmark {

    private static final String ROLE = "role1";
    private static final Resources AGENT = Harness.resources("cpus:24;mem:4096;disk:4096;ports:[31000-32000]");
    /** What the tasks already running on each agent use: what is left still meets the minimum allocatable. */
    private static final Resources USED = Harness.allocatedTo(
            Harness.resources("cpus:16;mem:2014;disk:1024;ports:[31000-31511]"), ROLE);
    private static final Optional<Duration> REFUSE = Optional.of(Duration.ofDays(1));
    private static final Duration ALLOCATION_INTERVAL = Duration.ofSeconds(1);
    private static final int AGENTS_MILESTONE = 10_000;

    private DeclineOffersBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> options = Figures.options(args, Set.of("sizes", "big", "rounds"));
        List<String> sizes = new ArrayList<>(List.of(options.getOrDefault("sizes", "1000x100,10000x1000").split(",")));
        if (options.containsKey("big")) {
            sizes.add("50000x6000");
        }
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "10"));
        System.out.printf("DeclineOffers benchmark: agents %s, %d allocation passes per size, refuse_seconds=%d%n",
                AGENT, rounds, REFUSE.orElseThrow().toSeconds());
        for (String size : sizes) {
            String[] parts = size.trim().split("x");
            run(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), rounds);
        }
    }

    private static void run(int agents, int frameworks, int rounds) {
        System.out.printf("%n== %,d agents x %,d frameworks%n", agents, frameworks);
        ManualClock clock = new ManualClock();
        Allocator allocator = Harness.hierarchicalAllocator(clock);

        long start = System.nanoTime();
        for (int i = 0; i < frameworks; i++) {
            allocator.addFramework(Harness.frameworkId(i), Harness.frameworkInfo(i, ROLE), Map.of(), true, Set.of());
        }
        System.out.printf("added %,d frameworks in %.1f ms%n", frameworks, Figures.millis(System.nanoTime() - start));

        start = System.nanoTime();
        for (int i = 0; i < agents; i++) {
            allocator.addAgent(Harness.agentId(i), Harness.agentInfo(i), AGENT,
                    Map.of(Harness.frameworkId(i % frameworks), USED));
            if (i + 1 == AGENTS_MILESTONE && agents > AGENTS_MILESTONE) {
                System.out.printf("added the first %,d agents in %.1f ms%n", AGENTS_MILESTONE,
                        Figures.millis(System.nanoTime() - start));
            }
        }
        System.out.printf("added %,d agents in %.1f ms (each with tasks using %s)%n", agents,
                Figures.millis(System.nanoTime() - start), Harness.resources(
                        "cpus:16;mem:2014;disk:1024;ports:[31000-31511]"));

        double[] allocateMillis = new double[rounds];
        double[] allocateCpuMillis = new double[rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            clock.advance(ALLOCATION_INTERVAL);
            long cpuStart = threads.getCurrentThreadCpuTime();
            start = System.nanoTime();
            List<Allocation> offers = allocator.allocate();
            long allocated = System.nanoTime();
            allocateCpuMillis[round] = Figures.millis(threads.getCurrentThreadCpuTime() - cpuStart);
            for (Allocation offer : offers) {
                allocator.recoverResources(offer.frameworkId(), offer.agentId(), offer.resources(), REFUSE);
            }
            long declined = System.nanoTime();
            allocateMillis[round] = Figures.millis(allocated - start);
            System.out.printf("pass %2d: %,6d offers in %8.1f ms (%6.1f ms on the CPU); declining them took %7.1f ms%n",
                    round + 1, offers.size(), allocateMillis[round], allocateCpuMillis[round],
                    Figures.millis(declined - allocated));
        }
        System.out.printf("allocation pass: median %.1f ms, max %.1f ms over %d passes (median on the CPU %.1f ms); "
                + "heap used %,d MiB%n", Figures.median(allocateMillis), Figures.max(allocateMillis), rounds,
                Figures.median(allocateCpuMillis), Harness.heapUsedMib(allocator));
    }
}
