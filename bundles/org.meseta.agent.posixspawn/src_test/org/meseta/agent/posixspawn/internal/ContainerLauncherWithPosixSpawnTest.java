package org.meseta.agent.posixspawn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.agent.internal.executor.Container;
import org.meseta.agent.internal.executor.ContainerLauncher;
import org.meseta.agent.internal.executor.ExitStatus;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.containerizer.api.ContainerLaunchInfo;

/** The agent, with this fragment attached, starts its containers with posix_spawn. */
class ContainerLauncherWithPosixSpawnTest {

    @TempDir
    Path workDir;

    @Test
    void theAgentsLauncherFindsTheFragmentsStarter() {
        assertEquals("posix_spawn", ContainerLauncher.detect().mechanism());
    }

    @Test
    void aHeldShellCommandRunsInItsSandboxOnceReleased() throws Exception {
        Sandbox sandbox = Sandbox.create(workDir, "agent", "framework", "executor", "container");
        Container container = ContainerLauncher.detect().launchHeld(List.of("/bin/sh", "-c", "echo \"$TASK\"; exit 4"),
                Map.of("TASK", "one"), sandbox, Optional.empty(), ContainerLaunchInfo.NONE, Optional.empty());

        container.release();

        assertEquals(ExitStatus.exited(4), container.exited().get(10, TimeUnit.SECONDS));
        assertEquals("one\n", Files.readString(sandbox.stdout()));
    }
}
