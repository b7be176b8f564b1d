package org.meseta.containerizer.cgroups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The file formats and numbers of cgroups v1 and v2, without a kernel: parsing, cpu arithmetic, detection. */
class CgroupsFilesTest {

    private static final String HYBRID = """
            tmpfs /sys/fs/cgroup tmpfs rw,relatime,mode=755 0 0
            cgroup /sys/fs/cgroup/cpu,cpuacct cgroup rw,relatime,cpu,cpuacct 0 0
            cgroup /sys/fs/cgroup/memory cgroup ro,relatime,memory 0 0
            cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0
            cgroup /mnt/other/pids cgroup rw,pids 0 0
            """;

    @Test
    void keyedFilesOfV1AndV2AreReadAsCounters() {
        assertEquals(Map.of("nr_periods", 12L, "nr_throttled", 5L, "throttled_time", 123456789L),
                KeyValues.parse("nr_periods 12\nnr_throttled 5\nthrottled_time 123456789\n"));
        assertEquals(Map.of("usage_usec", 9L, "user_usec", 7L, "system_usec", 2L, "nr_periods", 0L),
                KeyValues.parse("usage_usec 9\nuser_usec 7\nsystem_usec 2\nnr_periods 0"));
        assertEquals(Map.of("oom_kill_disable", 1L, "under_oom", 0L, "oom_kill", 3L),
                KeyValues.parse("oom_kill_disable 1\nunder_oom 0\noom_kill 3\n"));
        assertEquals(Map.of("low", 0L, "oom_kill", 1L), KeyValues.parse("low 0\nhigh max\noom_kill 1\nbad line x\n"));
    }

    @Test
    void cpusBecomeSharesAndQuotaAsInMesosAndWeightAndMaxOnV2() {
        assertEquals(List.of(102L, 1024L, 2048L, 2L, 262_144L), List.of(CpuControl.shares(0.1), CpuControl.shares(1),
                CpuControl.shares(2), CpuControl.shares(0.001), CpuControl.shares(1000)));
        assertEquals(List.of(10_000L, 150_000L, 1_000L), List.of(CpuControl.quotaMicros(0.1),
                CpuControl.quotaMicros(1.5), CpuControl.quotaMicros(0.001)));
        assertEquals(List.of(1L, 39L, 10_000L), List.of(CpuControl.weight(0.001), CpuControl.weight(1),
                CpuControl.weight(256)));
        assertEquals("10000 100000", CpuControl.max(0.1, true));
        assertEquals("max 100000", CpuControl.max(0.1, false));
    }

    @Test
    void aV1HierarchyIsPreferredAndV2IsUsedWhenItListsTheController() {
        List<Mounts.Mount> mounts = Mounts.parse(HYBRID);
        Path root = Path.of("/sys/fs/cgroup");

        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/cpu,cpuacct")), point("cpuacct", root, mounts, "memory"));
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/memory")), point("memory", root, mounts, "memory"));
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/unified")), point("pids", root, mounts, "pids memory"));
        assertEquals(Optional.empty(), point("pids", root, mounts, "memory"), "v2 without the controller");
        assertEquals(Optional.of(Path.of("/mnt/other/pids")), point("pids", Path.of("/mnt/other"), mounts, ""));
        assertEquals(List.of("ro", "relatime", "memory"), mounts.get(2).options());
        assertEquals("cgroup2", mounts.get(3).type());
    }

    private static Optional<Path> point(String controller, Path under, List<Mounts.Mount> mounts, String v2) {
        return Mounts.find(controller, under, mounts, mount -> List.of(v2.split(" "))).map(Mounts.Mount::point);
    }
}
