package org.meseta.tests.benchmark;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What starting a task's processes costs this machine before Meseta does anything: {@code setsid sh -c true}
 * started from Java and waited for, as the agent starts a shell command task, on as many threads as the machine
 * has cores. Machines (and virtual machines from one minute to the next) differ several-fold in what a process
 * start costs; a launch figure next to this floor says what Meseta itself adds. Stateless.
 */
final class SpawnFloor {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private SpawnFloor() {}

    /** Starts {@code count} processes; one line with the machine CPU each cost. */
    static String measure(int count) throws Exception {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(List.of("/bin/sh", "-c", "true"));
        int threads = Runtime.getRuntime().availableProcessors();
        MachineCpu.Sample before = MachineCpu.sample();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                runs.add(pool.submit(() -> {
                    for (int n = 0; n < count / threads; n++) {
                        new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
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
        return "process floor: '" + String.join(" ", command) + "' from Java, " + started + " times: "
                + MachineCpu.describe(before, MachineCpu.sample(), elapsed, started, "process");
    }
}
