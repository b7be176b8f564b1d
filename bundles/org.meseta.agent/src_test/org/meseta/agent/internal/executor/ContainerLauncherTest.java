package org.meseta.agent.internal.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the launcher reports a session starter that fails, and names the way it starts processes. */
class ContainerLauncherTest {

    @TempDir
    Path workDir;

    @Test
    void aStarterFailingInAnyOfItsWaysIsALaunchFailureNamingTheCommand() throws Exception {
        Sandbox sandbox = Sandbox.create(workDir, "agent", "framework", "executor", "container");
        for (RuntimeException failure : List.of(new IllegalStateException("waitpid failed"),
                new IllegalArgumentException("stdout is a pipe"))) {
            ContainerLauncher launcher = new ContainerLauncher(Optional.of(failing(failure)), Optional.empty());

            LaunchException thrown = assertThrows(LaunchException.class,
                    () -> launcher.launch(List.of("true"), Map.of(), sandbox, Optional.empty()));

            assertEquals("Failed to launch 'true': " + failure.getMessage(), thrown.getMessage());
        }
    }

    @Test
    void theMechanismIsTheStartersOrNoneWithoutOne() {
        SessionStarter setsid = new SetsidStarter(Path.of("/usr/bin/setsid"));
        assertEquals("/usr/bin/setsid", new ContainerLauncher(Optional.of(setsid), Optional.empty()).mechanism());
        assertEquals("no sessions", new ContainerLauncher(Optional.empty(), Optional.empty()).mechanism());
    }

    private static SessionStarter failing(RuntimeException failure) {
        return new SessionStarter() {
            @Override
            public Process start(ProcessBuilder builder) throws IOException {
                throw failure;
            }

            @Override
            public String mechanism() {
                return "failing";
            }
        };
    }
}
