package org.meseta.containerizer.posix.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.IsolatorFactory;
import org.meseta.containerizer.api.IsolatorOptions;
import org.meseta.containerizer.api.Launcher;
import org.meseta.containerizer.api.Limitation;
import org.meseta.testing.Eventually;
import org.meseta.testing.ServiceLease;

/**
 * The posix isolators, found as OSGi services by name as the agent finds them, measuring real processes. The launcher
 * here says a container is its first process and that process's descendants.
 */
class PosixIsolatorsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ContainerId ID = new ContainerId("c1");
    private static final IsolatorOptions OPTIONS = new IsolatorOptions(pid -> ProcessHandle.of(pid).stream()
            .flatMap(process -> Stream.concat(Stream.of(process),
                    process.descendants()))
            .map(ProcessHandle::pid).toList());

    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void posixCpuCountsTheCpuSecondsOfTheContainersProcesses() throws Exception {
        try (Isolator cpu = create("posix/cpu")) {
            cpu.prepare(config(ContainerLimits.NONE));
            process = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
            cpu.isolate(ID, process.pid());

            Eventually.await("the busy loop used a tenth of a cpu second", () -> total(cpu.usage(ID)) >= 0.1);
            double before = total(cpu.usage(ID));
            Eventually.await("its cpu time grows", () -> total(cpu.usage(ID)) > before);

            cpu.cleanup(ID);
            cpu.cleanup(ID);
            assertThrows(IsolatorException.class, () -> cpu.usage(ID), "a cleaned-up container is unknown");
        }
    }

    @Test
    void posixMemMeasuresTheRssAndReportsALimitationOnceItIsAboveTheLimit() throws Exception {
        try (Isolator mem = create("posix/mem")) {
            mem.prepare(config(new ContainerLimits(OptionalDouble.empty(), OptionalLong.of(1024))));
            process = new ProcessBuilder("sleep", "1000").start();
            mem.isolate(ID, process.pid());
            CompletableFuture<Limitation> watch = mem.watch(ID);

            assertTrue(mem.usage(ID).getMemRssBytes() > 1024, "a sleeping process has more than 1KB resident");
            Limitation limitation = watch.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(TaskStatus.Reason.REASON_CONTAINER_LIMITATION_MEMORY, limitation.reason());
            assertTrue(limitation.message().startsWith("Memory limit exceeded: Requested: 1KB Maximum Used: "),
                    limitation.message());
        }
    }

    @Test
    void posixMemWithoutALimitOnlyMeasures() throws Exception {
        try (Isolator mem = create("posix/mem")) {
            mem.prepare(config(ContainerLimits.NONE));
            process = new ProcessBuilder("sleep", "1000").start();
            mem.isolate(ID, process.pid());
            CompletableFuture<Limitation> watch = mem.watch(ID);
            mem.update(ID, new ContainerLimits(OptionalDouble.empty(), OptionalLong.of(Long.MAX_VALUE)));

            assertTrue(mem.usage(ID).getMemRssBytes() > 0);
            process.destroyForcibly().waitFor();
            assertEquals(0, mem.usage(ID).getMemRssBytes(), "an ended container uses nothing");
            assertFalse(watch.isDone());
        }
    }

    @Test
    void posixMemMeasuresEveryProcessIsolatedInAContainerAsATaskGroupsTasksAre() throws Exception {
        Process second = null;
        try (Isolator mem = create("posix/mem")) {
            mem.prepare(config(ContainerLimits.NONE));
            process = new ProcessBuilder("sleep", "1000").start();
            mem.isolate(ID, process.pid());
            long first = mem.usage(ID).getMemRssBytes();
            second = new ProcessBuilder("sleep", "1000").start();

            mem.isolate(ID, second.pid());

            assertTrue(mem.usage(ID).getMemRssBytes() > first, "the second process counts too");
            process.destroyForcibly().waitFor();
            assertTrue(mem.usage(ID).getMemRssBytes() > 0, "the container lives on in its second process");
        } finally {
            if (second != null) {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void posixMemChecksAllLimitedContainersWithOneQuestionToTheLauncher() throws Exception {
        List<Set<Long>> questions = new CopyOnWriteArrayList<>();
        Launcher counting = new Launcher() {
            @Override
            public List<Long> processes(long pid) {
                return OPTIONS.launcher().processes(pid);
            }

            @Override
            public Map<Long, List<Long>> processes(Collection<Long> pids) {
                questions.add(Set.copyOf(pids));
                return Launcher.super.processes(pids);
            }
        };
        ContainerId small = new ContainerId("small");
        Process second = null;
        try (Isolator mem = create("posix/mem", new IsolatorOptions(counting))) {
            mem.prepare(config(new ContainerLimits(OptionalDouble.empty(), OptionalLong.of(1024))));
            mem.prepare(new ContainerConfig(small, Path.of("/tmp"), Optional.empty(),
                    new ContainerLimits(OptionalDouble.empty(), OptionalLong.of(Long.MAX_VALUE))));
            process = new ProcessBuilder("sleep", "1000").start();
            second = new ProcessBuilder("sleep", "1000").start();
            mem.isolate(ID, process.pid());
            mem.isolate(small, second.pid());
            CompletableFuture<Limitation> overLimit = mem.watch(ID);
            CompletableFuture<Limitation> withinLimit = mem.watch(small);

            assertEquals(TaskStatus.Reason.REASON_CONTAINER_LIMITATION_MEMORY,
                    overLimit.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).reason());
            assertFalse(withinLimit.isDone());
            assertTrue(questions.contains(Set.of(process.pid(), second.pid())),
                    "both containers' processes were asked for at once: " + questions);
        } finally {
            if (second != null) {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void aContainerIsPreparedOnce() throws Exception {
        try (Isolator cpu = create("posix/cpu")) {
            cpu.prepare(config(ContainerLimits.NONE));

            assertEquals("Container c1 is already prepared",
                    assertThrows(IsolatorException.class, () -> cpu.prepare(config(ContainerLimits.NONE)))
                            .getMessage());
        }
    }

    @Test
    void sizesArePrintedInTheLargestExactUnitAsMesosDoes() {
        assertEquals(List.of("0B", "1000B", "1KB", "64MB", "2GB", "1025KB"), List.of(used(0), used(1000),
                used(1024), used(64L << 20), used(2L << 30), used(1025 * 1024)));
        assertEquals("Memory limit exceeded: Requested: 32MB Maximum Used: 1000B",
                Limitation.memory(32L << 20, 1000).message());
    }

    private static String used(long bytes) {
        String message = Limitation.memory(1, bytes).message();
        return message.substring(message.lastIndexOf(' ') + 1);
    }

    private static double total(ResourceStatistics usage) {
        return usage.getCpusUserTimeSecs() + usage.getCpusSystemTimeSecs();
    }

    private static ContainerConfig config(ContainerLimits limits) {
        return new ContainerConfig(ID, Path.of("/tmp"), Optional.empty(), limits);
    }

    private static Isolator create(String name) throws Exception {
        return create(name, OPTIONS);
    }

    private static Isolator create(String name, IsolatorOptions options) throws Exception {
        try (ServiceLease<IsolatorFactory> factory = ServiceLease.await(PosixIsolatorsTest.class,
                IsolatorFactory.class, "(" + IsolatorFactory.NAME_PROPERTY + "=" + name + ")",
                "org.meseta.containerizer.posix", TIMEOUT)) {
            return factory.service().create(options);
        }
    }
}
