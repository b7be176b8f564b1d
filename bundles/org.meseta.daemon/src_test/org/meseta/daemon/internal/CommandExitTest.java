package org.meseta.daemon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.internal.LaunchState.Phase;
import org.meseta.testing.Eventually;

/** How the launcher ends the process for a command that finishes, and leaves servers and closed commands alone. */
class CommandExitTest {

    /** Exit statuses passed to the stand-in for System.exit, with the thread that passed each. */
    private final List<Integer> exits = new CopyOnWriteArrayList<>();
    private final List<Thread> exitThreads = new CopyOnWriteArrayList<>();
    private final LaunchState state = new LaunchState();

    @Test
    void aFinishedCommandExitsWithItsStatusOnAThreadOfItsOwn() throws Exception {
        Command command = new Command();
        start(command);

        CommandExit.whenFinished(command, state, this::exit);
        command.status.complete(3);

        Eventually.await("the process exits", () -> !exits.isEmpty());
        assertEquals(List.of(3), exits);
        assertNotEquals(Thread.currentThread(), exitThreads.get(0), "not on the thread that reported the status");
        assertEquals(Phase.FINISHED, state.phase());
        assertEquals(0, command.closes.get(), "deactivation, run by the exit, closes it");
    }

    @Test
    void aCommandThatFinishedBeforeTheLauncherLookedStillExits() throws Exception {
        Command command = new Command();
        command.status.complete(0);
        start(command);

        CommandExit.whenFinished(command, state, this::exit);

        Eventually.await("the process exits", () -> !exits.isEmpty());
        assertEquals(List.of(0), exits);
    }

    @Test
    void aCommandClosedByASignalLeavesTheExitStatusToTheSignal() throws Exception {
        Command command = new Command();
        start(command);
        CommandExit.whenFinished(command, state, this::exit);

        state.close();
        command.status.complete(1);

        Eventually.holds("no exit", Duration.ofMillis(200), exits::isEmpty);
        assertEquals(1, command.closes.get());
    }

    @Test
    void aServerNeverExitsByItself() throws Exception {
        Daemon.Running server = new Daemon.Running() {
            @Override
            public String endpoint() {
                return "127.0.0.1:5050";
            }

            @Override
            public void close() {
            }
        };
        start(server);

        CommandExit.whenFinished(server, state, this::exit);

        assertFalse(server.exitStatus().toCompletableFuture().isDone(), "the default never completes");
        Eventually.holds("no exit", Duration.ofMillis(200), exits::isEmpty);
        assertEquals(Phase.RUNNING, state.phase());
    }

    private void start(Daemon.Running running) {
        assertTrue(state.begin());
        assertTrue(state.started(running));
    }

    private void exit(int status) {
        exitThreads.add(Thread.currentThread());
        exits.add(status);
    }

    /** A command whose exit status the test reports. */
    private static final class Command implements Daemon.Running {
        final CompletableFuture<Integer> status = new CompletableFuture<>();
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public String endpoint() {
            return "127.0.0.1:5050";
        }

        @Override
        public CompletionStage<Integer> exitStatus() {
            return status;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
