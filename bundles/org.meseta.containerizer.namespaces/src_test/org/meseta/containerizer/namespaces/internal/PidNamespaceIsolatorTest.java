package org.meseta.containerizer.namespaces.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLaunchInfo;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.IsolatorFactory;
import org.meseta.containerizer.api.IsolatorOptions;
import org.meseta.testing.ServiceLease;

/**
 * {@code namespaces/pid}, found as an OSGi service by name as the agent finds it: a real process started through its
 * launch info is pid 1 of a namespace of its own and sees only its own processes; and the host checks that stop an
 * agent's start where it cannot work, each shown on a made-up {@code /proc/self} or search path (those need no root).
 */
class PidNamespaceIsolatorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ContainerId ID = new ContainerId("c1");
    private static final ContainerConfig CONFIG = new ContainerConfig(ID, Path.of("/tmp"), Optional.empty(),
            ContainerLimits.NONE);

    @TempDir
    Path dir;

    @Test
    void aProcessStartedThroughItsLaunchInfoIsPidOneAndSeesOnlyItsOwnProcesses() throws Exception {
        try (Isolator isolator = create()) {
            isolator.prepare(CONFIG);
            ContainerLaunchInfo launch = isolator.launchInfo(CONFIG);

            List<String> command = new ArrayList<>(launch.wrapper());
            // The glob lists /proc's processes without starting one.
            command.addAll(List.of("sh", "-c", "echo $$; echo /proc/[0-9]*; cat /proc/1/comm"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            isolator.isolate(ID, process.pid());
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            assertEquals(List.of("1", "/proc/1", "sh"), output.lines().toList(), "sh alone, nothing of the host");
            assertEquals(List.of("--pid", "--fork", "--mount-proc", "--kill-child"),
                    launch.wrapper().subList(1, launch.wrapper().size()));
            isolator.cleanup(ID);
        }
    }

    @Test
    void aContainerIsPreparedOnceAndUnknownOnesAreRefused() throws Exception {
        try (Isolator isolator = create()) {
            isolator.prepare(CONFIG);

            assertEquals("Container c1 is already prepared",
                    assertThrows(IsolatorException.class, () -> isolator.prepare(CONFIG)).getMessage());
            isolator.cleanup(ID);
            isolator.cleanup(ID);
            assertEquals("Unknown container c1",
                    assertThrows(IsolatorException.class, () -> isolator.usage(ID)).getMessage());
            assertEquals("Unknown container c1",
                    assertThrows(IsolatorException.class, () -> isolator.launchInfo(CONFIG)).getMessage());
        }
    }

    @Test
    void anAgentThatIsNotRootCannotUseItInMesossWords() throws Exception {
        Path self = procSelf("Uid:\t1000\t1000\t1000\t1000\n", true);

        assertEquals("The pid namespace isolator requires root permissions", refusal(self, List.of()));
    }

    @Test
    void aKernelWithoutPidNamespacesCannotUseIt() throws Exception {
        Path self = procSelf("Uid:\t1000\t0\t0\t0\n", false);

        assertEquals("Pid namespaces are not supported by this kernel", refusal(self, List.of()));
    }

    @Test
    void withoutUnshareItCannotWork() throws Exception {
        Path self = procSelf("Uid:\t0\t0\t0\t0\n", true);

        assertEquals("unshare (util-linux) is not installed: it starts each container in a pid namespace of its own",
                refusal(self, List.of(dir.resolve("empty"))));
    }

    @Test
    void anUnshareThatCannotMakeTheNamespaceStopsItWithWhatItSaid() throws Exception {
        Path self = procSelf("Uid:\t0\t0\t0\t0\n", true);
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path unshare = bin.resolve("unshare");
        Files.writeString(unshare, "#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
        Files.setPosixFilePermissions(unshare, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertEquals(unshare + " --pid --fork --mount-proc --kill-child true failed: unshare: unshare failed:"
                + " Operation not permitted", refusal(self, List.of(bin)));
    }

    /** A made-up {@code /proc/self} with {@code status} and, if asked, {@code ns/pid}. */
    private Path procSelf(String status, boolean pidNamespaces) throws IOException {
        Path self = Files.createDirectories(dir.resolve("proc-self"));
        Files.writeString(self.resolve("status"), "Name:\tjava\n" + status + "Gid:\t0\t0\t0\t0\n");
        if (pidNamespaces) {
            Files.writeString(Files.createDirectories(self.resolve("ns")).resolve("pid"), "");
        }
        return self;
    }

    private static String refusal(Path procSelf, List<Path> searchPath) {
        return assertThrows(IsolatorException.class, () -> new PidNamespaceSupport(procSelf, searchPath).check())
                .getMessage();
    }

    /** The isolator as the agent creates it; skips the test where this host cannot run it (not root). */
    private static Isolator create() throws Exception {
        try (ServiceLease<IsolatorFactory> factory = ServiceLease.await(PidNamespaceIsolatorTest.class,
                IsolatorFactory.class, "(" + IsolatorFactory.NAME_PROPERTY + "=namespaces/pid)",
                "org.meseta.containerizer.namespaces", TIMEOUT)) {
            return factory.service().create(new IsolatorOptions(pid -> List.of(pid)));
        } catch (IsolatorException e) {
            Assumptions.abort("namespaces/pid cannot work here: " + e.getMessage());
            throw e;
        }
    }
}
