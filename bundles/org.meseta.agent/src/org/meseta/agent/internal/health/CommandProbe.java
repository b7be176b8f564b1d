package org.meseta.agent.internal.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.meseta.agent.internal.executor.Container;
import org.meseta.agent.internal.executor.ContainerLauncher;
import org.meseta.agent.internal.executor.ExitStatus;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.executor.RunAs;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.api.flags.StoutDuration;

/**
 * A command health check: the command runs in the task's sandbox, as the task's user, with the task's environment
 * (its output goes to the sandbox's {@code stdout} and {@code stderr}); healthy if it exits with 0 within the timeout.
 * A command that takes longer is killed with everything it started.
 */
record CommandProbe(ContainerLauncher launcher, List<String> argv, Map<String, String> environment, Sandbox sandbox,
        Optional<RunAs> runAs) implements Probe {

    @Override
    public Optional<String> check(Optional<Duration> timeout) {
        Container command;
        try {
            command = launcher.launch(argv, environment, sandbox, runAs);
        } catch (LaunchException e) {
            return Optional.of(e.getMessage());
        }
        try {
            ExitStatus status = timeout.isPresent()
                    ? command.exited().get(timeout.get().toNanos(), TimeUnit.NANOSECONDS)
                    : command.exited().get();
            return status.succeeded() ? Optional.empty() : Optional.of("Command " + status.describe());
        } catch (TimeoutException e) {
            return Optional.of("Command has not returned after " + StoutDuration.format(timeout.orElseThrow())
                    + "; aborting");
        } catch (ExecutionException e) {
            return Optional.of("Failed to wait for the command: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("Interrupted while waiting for the command");
        } finally {
            command.kill(); // a command that timed out, and whatever a command left running in the background
        }
    }
}
