package org.meseta.tests.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What the whole machine's CPUs did between two samples of {@code /proc/stat}: every process counts (the cluster,
 * the framework, the tasks, the kernel on their behalf), which is what a benchmark running them all on one machine
 * spends. Stateless.
 */
final class MachineCpu {

    private static final Path STAT = Path.of("/proc/stat");

    private MachineCpu() {}

    /**
     * The machine's cumulative CPU times, in clock ticks summed over its CPUs, and how many CPUs it has.
     *
     * @param user user and nice time
     * @param system system, irq and softirq time
     * @param idle idle and iowait time
     * @param steal time the hypervisor gave to others
     */
    record Sample(long user, long system, long idle, long steal, int cpus) {

        long total() {
            return user + system + idle + steal;
        }
    }

    static Sample sample() {
        try {
            List<String> lines = Files.readAllLines(STAT);
            long[] t = Arrays.stream(lines.get(0).trim().split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong)
                    .toArray();
            int cpus = (int) lines.stream().filter(line -> line.matches("cpu[0-9]+ .*")).count();
            return new Sample(t[0] + t[1], t[2] + t[5] + t[6], t[3] + t[4], t[7], cpus);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + STAT, e);
        }
    }

    /**
     * One line: how busy the CPUs were between the samples, {@code elapsed} apart (user, system, stolen), and the
     * CPU time spent per unit of {@code work}, e.g. per {@code task} finished.
     */
    static String describe(Sample before, Sample after, Duration elapsed, long work, String unit) {
        double total = after.total() - before.total();
        if (total <= 0 || work <= 0) {
            return "machine CPU: no figures (no time passed or no work done)";
        }
        double user = (after.user() - before.user()) / total;
        double system = (after.system() - before.system()) / total;
        double steal = (after.steal() - before.steal()) / total;
        double cpuSeconds = (user + system) * after.cpus() * elapsed.toNanos() / 1e9;
        return String.format("machine CPU (%d cores): %.0f %% busy (user %.0f %%, system %.0f %%, stolen %.0f %%),"
                + " %.2f ms of CPU per %s", after.cpus(), 100 * (user + system), 100 * user, 100 * system,
                100 * steal, 1000 * cpuSeconds / work, unit);
    }
}
