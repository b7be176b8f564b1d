package org.meseta.tests.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.meseta.agent.internal.executor.Container;
import org.meseta.agent.internal.executor.ContainerLauncher;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.containerizer.api.ContainerLaunchInfo;

/**
 * What starting a task's processes costs this machine before Meseta does anything else: the agent's own launcher
 * (its classes on this benchmark's class path, {@code posix_spawn} or {@code setsid} as the agent would choose in
 * this JVM) starting {@code sh -c true} held, releasing it and waiting for it, as the agent runs a shell command task,
 * on as many threads as the machine has cores. Machines (and virtual machines from one minute to the next) differ
 * several-fold in what a process start costs; a launch figure next to this floor says what Meseta itself adds.
 * Stateless.
 */
final class SpawnFloor {

    private static final List<String> COMMAND = List.of("/bin/sh", "-c", "true");

    private SpawnFloor() {}

    /** Starts {@code count} processes in a sandbox under {@code workDir}; one line with the machine CPU each cost. */
    static String measure(int count, Path workDir) throws Exception {
        ContainerLauncher launcher = ContainerLauncher.detect();
        Sandbox sandbox = Sandbox.create(workDir.resolve("spawn-floor"), "agent", "framework", "executor", "run");
        int threads = Runtime.getRuntime().availableProcessors();
        MachineCpu.Sample before = MachineCpu.sample();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                runs.add(pool.submit(() -> {
                    for (int n = 0; n < count / threads; n++) {
                        Container container = launcher.launchHeld(COMMAND, Map.of(), sandbox, Optional.empty(),
                                ContainerLaunchInfo.NONE, Optional.empty());
                        container.release();
                        container.exited().join();
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int started = count / threads * threads;
        return "process floor: '" + String.join(" ", COMMAND) + "' held and released by the agent's launcher ("
                + launcher.mechanism() + "), " + started + " times: "
                + MachineCpu.describe(before, MachineCpu.sample(), elapsed, started, "process");
    }
}
